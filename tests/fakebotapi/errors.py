"""Bot API errors as the fake raises them; the server turns them into Telegram-shaped JSON."""

from __future__ import annotations

from typing import Any


class ApiError(Exception):
    """A failed Bot API call: HTTP status = error_code, plus Telegram's description text."""

    def __init__(self, error_code: int, description: str, parameters: dict[str, Any] | None = None) -> None:
        super().__init__(description)
        self.error_code = error_code
        self.description = description
        self.parameters = parameters

    def payload(self) -> dict[str, Any]:
        """The JSON body Telegram sends for this error."""
        body: dict[str, Any] = {"ok": False, "error_code": self.error_code, "description": self.description}
        if self.parameters:
            body["parameters"] = self.parameters
        return body


def bad_request(reason: str) -> ApiError:
    """400 "Bad Request: <reason>"."""
    return ApiError(400, f"Bad Request: {reason}")


def not_found() -> ApiError:
    """404 for unknown methods (and paths)."""
    return ApiError(404, "Not Found")


def unauthorized() -> ApiError:
    """401 for a token that is not the fake bot's."""
    return ApiError(401, "Unauthorized")
