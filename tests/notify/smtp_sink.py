#!/usr/bin/python3
"""A loopback SMTP server for the notification tests (src/transport/transport_test.cc).

Usage: smtp_sink.py PORT DIR

Listens on 127.0.0.1:PORT with aiosmtpd (Debian: python3-aiosmtpd), prints "ready" once it
accepts connections (the tests wait for its greeting instead), and writes each message it receives to DIR/N.txt (N = 1, 2, ..., after those already there) as
"To:", "From:" and "Subject:" lines (the subject decoded), a blank line and the decoded text
body. Each file appears whole (written under another name, then renamed). Runs until killed.
"""

import email
import email.policy
import os
import signal
import sys

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, directory):
        self.directory = directory
        # A restarted server goes on numbering after the files already there.
        self.count = len([n for n in os.listdir(directory) if n.endswith(".txt")])

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.count += 1
        text = "To: {}\nFrom: {}\nSubject: {}\n\n{}".format(
            ",".join(envelope.rcpt_tos), envelope.mail_from, message["subject"],
            message.get_content())
        final = os.path.join(self.directory, "{}.txt".format(self.count))
        with open(final + ".part", "w", encoding="utf-8") as f:
            f.write(text)
        os.rename(final + ".part", final)
        return "250 OK"


def main():
    port, directory = int(sys.argv[1]), sys.argv[2]
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM, signal.SIGINT})
    controller = Controller(Sink(directory), hostname="127.0.0.1", port=port)
    controller.start()
    print("ready", flush=True)
    signal.sigwait({signal.SIGTERM, signal.SIGINT})
    controller.stop()


if __name__ == "__main__":
    main()
