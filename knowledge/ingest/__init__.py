"""Reading official documents: cleaning copied and extracted text, parsing the layouts documents are
published in, importers by file format, fetching publications, and checking text against a source."""
