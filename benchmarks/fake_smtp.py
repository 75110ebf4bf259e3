"""A tiny SMTP server on loopback for tests and fault scenarios: accepts everything, keeps messages."""

import socket
import socketserver
import threading


class _Handler(socketserver.StreamRequestHandler):
    def handle(self):
        self.wfile.write(b"220 fake-smtp ready\r\n")
        envelope = {"from": "", "to": [], "data": b""}
        while True:
            line = self.rfile.readline()
            if not line:
                return
            command = line.strip().upper()
            if command.startswith((b"EHLO", b"HELO")):
                self.wfile.write(b"250 fake-smtp\r\n")
            elif command.startswith(b"MAIL FROM"):
                envelope["from"] = line.split(b":", 1)[1].strip().decode()
                self.wfile.write(b"250 OK\r\n")
            elif command.startswith(b"RCPT TO"):
                envelope["to"].append(line.split(b":", 1)[1].strip().decode())
                self.wfile.write(b"250 OK\r\n")
            elif command == b"DATA":
                self.wfile.write(b"354 go ahead\r\n")
                data = b""
                while True:
                    chunk = self.rfile.readline()
                    if not chunk or chunk == b".\r\n":
                        break
                    data += chunk
                envelope["data"] = data
                self.server.messages.append(dict(envelope))
                envelope = {"from": "", "to": [], "data": b""}
                self.wfile.write(b"250 queued\r\n")
            elif command == b"QUIT":
                self.wfile.write(b"221 bye\r\n")
                return
            else:  # RSET, NOOP, ...
                self.wfile.write(b"250 OK\r\n")


class FakeSMTPServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, port=0):
        super().__init__(("127.0.0.1", port), _Handler)
        self.messages = []
        self.port = self.server_address[1]
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self.shutdown()
        self.server_close()


def closed_port() -> int:
    """A loopback port nobody listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
