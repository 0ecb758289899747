"""Text analysis shared by search and ingestion: folding, stemming, synonyms, languages, spelling,
word lists, sentences, the question in a long message, transliteration."""
