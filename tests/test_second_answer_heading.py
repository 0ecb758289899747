"""Every official answer is headed with the date of its position (README), also the second answer of a
message that two passages answer together: in the plain rendering (CLI) and in Telegram (user report F18)."""

from __future__ import annotations

from telegramkit import shipped_bot

from interface.plain import render_answer_plain
from interface.texts import texts_for
from knowledge.models import Answer
from knowledge.tools.evaluation import fresh_service

QUESTION = "Wat moet ik doen als ik in Nederland bedreigd word?"
NL = texts_for("nl")


def _dated_headings(answer: Answer) -> list[str]:
    matches = [answer.best, *answer.also]
    return [NL.as_of.format(date=NL.date(m.citation.date)) for m in matches if m and m.citation.date]


def test_the_second_answer_is_headed_with_its_date_in_plain_text() -> None:
    answer = fresh_service().answer(QUESTION)
    assert answer.also, "two passages answer together"
    shown = render_answer_plain(answer, NL).splitlines()
    headed = [line for line in shown if line.startswith(NL.answer_heading)]
    assert len(headed) == 2
    for heading, expected in zip(headed, _dated_headings(answer), strict=True):
        assert heading.endswith(" · " + expected), heading


async def test_the_second_answer_is_headed_with_its_date_in_telegram() -> None:
    async with shipped_bot() as bot:
        answer = bot.service.answer(QUESTION)
        assert answer.also
        replies = await bot.ask(bot.api.user(7001, "Anna"), QUESTION, count=2)
        headed = [r["visible_text"].splitlines()[0] for r in replies if r["visible_text"].startswith(NL.answer_heading)]
        assert len(headed) == 2
        for heading, expected in zip(headed, _dated_headings(answer), strict=True):
            assert expected in heading, heading
