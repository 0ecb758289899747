"""Anonymous usage: feedback per entry and day, questions per day by outcome and by language, and
the review queue of unanswered questions (normalised text and the masked form as asked; never a
person or a chat). Counts only: nothing here says who asked what."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field
from sqlite_utils import Database

from knowledge.storage.clock import today
from knowledge.storage.errors import NotFound


class ReviewItem(BaseModel):
    """A question the bot could not answer well, kept as normalised text only (no person, no chat)."""

    id: int
    text: str
    asked: str | None = Field(
        default=None, description="As asked, long numbers masked; None for items queued before it was kept."
    )
    count: int
    first_seen: dt.date
    last_seen: dt.date
    best_entry_id: int | None
    best_score: float | None
    status: Literal["open", "dismissed", "attached", "added"]


class FeedbackCount(BaseModel):
    entry_id: int
    helpful: int = 0
    unhelpful: int = 0


class AnonymousUsage:
    """The store's usage records (a part of Store: it shares the store's database)."""

    db: Database

    def record_feedback(self, entry_id: int, helpful: bool) -> None:
        if self.db.execute("SELECT 1 FROM entries WHERE id = ?", [entry_id]).fetchone() is None:
            raise NotFound(f"no entry with id {entry_id}")  # refuse feedback on an entry that does not exist
        self.db.execute(
            "INSERT INTO feedback (entry_id, day, helpful, count) VALUES (?, ?, ?, 1) "
            "ON CONFLICT (entry_id, day, helpful) DO UPDATE SET count = count + 1",
            [entry_id, today(), int(helpful)],
        )
        self.db.conn.commit()

    def feedback_counts(self) -> list[FeedbackCount]:
        rows = self.db.execute(
            "SELECT entry_id, sum(CASE WHEN helpful THEN count ELSE 0 END), sum(CASE WHEN helpful THEN 0 ELSE count END) "
            "FROM feedback GROUP BY entry_id ORDER BY entry_id"
        )
        return [FeedbackCount(entry_id=e, helpful=h or 0, unhelpful=u or 0) for e, h, u in rows]

    def record_question(
        self,
        outcome: str,
        review_text: str | None,
        best_entry_id: int | None,
        best_score: float | None,
        language: str | None = None,
        *,
        asked: str | None = None,
    ) -> None:
        """Count a question by day and outcome (and by day and language: a count, nothing more);
        queue its normalised text (grouped by it) and its masked form as asked (the latest one) for
        review if it was not answered."""
        day = today()
        with self.db.atomic():
            self.db.execute(
                "INSERT INTO question_stats (day, outcome, count) VALUES (?, ?, 1) "
                "ON CONFLICT (day, outcome) DO UPDATE SET count = count + 1",
                [day, outcome],
            )
            if language:
                self.db.execute(
                    "INSERT INTO question_languages (day, language, count) VALUES (?, ?, 1) "
                    "ON CONFLICT (day, language) DO UPDATE SET count = count + 1",
                    [day, language],
                )
            if review_text:
                self.db.execute(
                    "INSERT INTO review_queue "
                    "(text, asked, count, first_seen, last_seen, best_entry_id, best_score, status) "
                    "VALUES (?, ?, 1, ?, ?, ?, ?, 'open') ON CONFLICT (text) DO UPDATE SET count = count + 1, "
                    "asked = coalesce(excluded.asked, asked), "
                    "last_seen = excluded.last_seen, best_entry_id = excluded.best_entry_id, "
                    "best_score = excluded.best_score, status = CASE WHEN status = 'dismissed' THEN 'open' ELSE status END",
                    [review_text, asked, day, day, best_entry_id, best_score],
                )

    def question_stats(self) -> dict[str, dict[str, int]]:
        stats: dict[str, dict[str, int]] = {}
        for day, outcome, count in self.db.execute("SELECT day, outcome, count FROM question_stats ORDER BY day"):
            stats.setdefault(day, {})[outcome] = int(count)
        return stats

    def question_languages(self, days: int | None = None) -> dict[str, int]:
        """Questions per language over the last `days` days (all kept days when None)."""
        sql, params = "SELECT language, sum(count) FROM question_languages", []
        if days is not None:
            sql += " WHERE day >= ?"
            params.append((dt.datetime.now(dt.UTC).date() - dt.timedelta(days=days - 1)).isoformat())
        return {str(language): int(count) for language, count in self.db.execute(sql + " GROUP BY language", params)}

    def review_items(self, status: str = "open") -> list[ReviewItem]:
        rows = self.db.query("SELECT * FROM review_queue WHERE status = ? ORDER BY count DESC, last_seen DESC", [status])
        return [ReviewItem.model_validate(row) for row in rows]

    def review_item(self, item_id: int) -> ReviewItem:
        rows = list(self.db.query("SELECT * FROM review_queue WHERE id = ?", [item_id]))
        if not rows:
            raise NotFound(f"no review item {item_id}")
        return ReviewItem.model_validate(rows[0])

    def set_review_status(self, item_ids: list[int], status: str, *, only_open: bool = False) -> list[int]:
        """Set the status; with `only_open`, items already decided on keep their decision.
        Returns the ids that changed."""
        changed = []
        with self.db.atomic():
            for item_id in item_ids:
                sql = "UPDATE review_queue SET status = ? WHERE id = ?" + (" AND status = 'open'" if only_open else "")
                if self.db.execute(sql, [status, item_id]).rowcount:
                    changed.append(item_id)
        return changed

    def purge_review_queue(self, older_than_days: int) -> int:
        """Forget queued questions not seen for `older_than_days`: the retention period."""
        cutoff = (dt.datetime.now(dt.UTC).date() - dt.timedelta(days=older_than_days)).isoformat()
        with self.db.atomic():
            cursor = self.db.execute("DELETE FROM review_queue WHERE last_seen < ?", [cutoff])
        if cursor.rowcount and not self.db.memory:
            self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the old pages leave the file now, not later
        return cursor.rowcount
