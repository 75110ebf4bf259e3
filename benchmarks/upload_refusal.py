"""Time for the site to refuse a 200 MiB upload, in-process through the WSGI handler.

The body is streamed from a generator (never held in memory), like gunicorn's wsgi.input.
Run: DJANGO_SETTINGS_MODULE=community.settings.test .venv/bin/python -m benchmarks.upload_refusal
"""

import io
import sys
import time

import django

BOUNDARY = "kennispleingrens"
SIZE = 200 * 1024 * 1024


class StreamedBody(io.RawIOBase):
    """A multipart body of SIZE bytes of file content, produced while it is read."""

    def __init__(self, size: int, *, announce_length: bool = True):
        head = (
            f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="files[]"; filename="groot.pdf"\r\n'
            "Content-Type: application/pdf\r\n\r\n"
        ).encode()
        tail = f"\r\n--{BOUNDARY}--\r\n".encode()
        self.parts = [head, tail]
        self.remaining_content = size
        self.length = len(head) + size + len(tail)
        self.read_bytes = 0

    def readable(self):
        return True

    def readinto(self, buffer):
        chunk = self._next(len(buffer))
        buffer[: len(chunk)] = chunk
        self.read_bytes += len(chunk)
        return len(chunk)

    def _next(self, wanted: int) -> bytes:
        if self.parts[0] is not None and self.parts[0]:
            chunk, self.parts[0] = self.parts[0][:wanted], self.parts[0][wanted:]
            return chunk
        if self.remaining_content:
            count = min(wanted, self.remaining_content)
            self.remaining_content -= count
            return b"%" * count
        chunk, self.parts[1] = self.parts[1][:wanted], self.parts[1][wanted:]
        return chunk


def refuse(path: str = "/cms/documents/multiple/add/") -> None:
    from django.core.handlers.wsgi import WSGIHandler

    body = StreamedBody(SIZE)
    environ = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": path,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8000",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BufferedReader(body, 64 * 1024),
        "wsgi.errors": sys.stderr,
        "CONTENT_TYPE": f"multipart/form-data; boundary={BOUNDARY}",
        "CONTENT_LENGTH": str(body.length),
        # A CSRF cookie without a token field: the CSRF check reads the form looking for it, as a
        # logged-in editor's upload is read in full before any view code runs.
        "HTTP_COOKIE": "csrftoken=" + "a" * 32,
    }
    started = time.perf_counter()
    statuses = []
    WSGIHandler()(environ, lambda status, headers, exc_info=None: statuses.append(status))
    elapsed = time.perf_counter() - started
    print(
        f"POST {path} with {SIZE // 2**20} MiB: {statuses[0]} after {elapsed:.3f} s, body read {body.read_bytes / 2**20:.1f} MiB"
    )


if __name__ == "__main__":
    django.setup()
    refuse()
