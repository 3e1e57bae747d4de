"""Mail backends of the tests: a mail server that takes its time, to kill a worker mid-send."""

import os
import time
from pathlib import Path

from django.core.mail.backends.base import BaseEmailBackend


class SlowBackend(BaseEmailBackend):
    """Writes ``SOLIRIS_TEST_SENDING`` when a send starts, then hangs: the test kills the
    process in the middle. Whatever got through would be written to ``SOLIRIS_TEST_SENT``."""

    def send_messages(self, messages):
        Path(os.environ["SOLIRIS_TEST_SENDING"]).write_text("sending")
        time.sleep(120)
        with Path(os.environ["SOLIRIS_TEST_SENT"]).open("a") as sent:
            for message in messages:
                sent.write(message.subject + "\n")
        return len(messages)
