"""An independent SMTP server (Debian's python3-aiosmtpd) for the mail adapter's tests.

Usage: smtp_sink.py PORT OUT_DIR. Every message received is parsed with python's own email package and written to
OUT_DIR/<n>.json (envelope, decoded headers, text body, attachments) so the test reads what a mail client would see.
Prints "READY <port>" once it listens; with PORT 0 it listens on a port the system picks, and that line names it.
"""
import asyncio
import email
import email.policy
import json
import os
import sys

from aiosmtpd.smtp import SMTP

port, out_dir = int(sys.argv[1]), sys.argv[2]


class Sink:
    count = 0

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        body = message.get_body(preferencelist=("plain",))
        attachments = [
            {
                "filename": part.get_filename(),
                "content_type": part.get_content_type(),
                "method": part.get_param("method"),
                "content": part.get_content() if part.get_content_maintype() == "text" else None,
            }
            for part in message.iter_attachments()
        ]
        summary = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "from": str(message["From"]),
            "to": [str(a) for a in message["To"].addresses] if message["To"] else [],
            "cc": [str(a) for a in message["Cc"].addresses] if message["Cc"] else [],
            "subject": str(message["Subject"]),
            "body": body.get_content() if body else None,
            "attachments": attachments,
        }
        Sink.count += 1
        path = os.path.join(out_dir, f"{Sink.count}.json")
        with open(path + ".tmp", "w", encoding="utf-8") as f:
            json.dump(summary, f)
        os.rename(path + ".tmp", path)  # the test sees whole files only
        return "250 Message accepted for delivery"


async def main():
    server = await asyncio.get_running_loop().create_server(lambda: SMTP(Sink()), host="127.0.0.1", port=port)
    print("READY", server.sockets[0].getsockname()[1], flush=True)
    await server.serve_forever()


asyncio.run(main())
