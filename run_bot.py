"""Standpunt: run the bot, the terminal chat, or a staff command. See README.md."""

import sys

from bot.cli import main

if __name__ == "__main__":
    sys.exit(main())
