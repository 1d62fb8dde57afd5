#!/usr/bin/env python3
"""HTTP test server for pith-fetch's tests (python3 standard library only).

Listens on 127.0.0.1, 127.0.0.2, ... (--hosts N) on one port, writes the
port to DIR/port when ready, logs every request as a JSON line to
DIR/log (arrival and end times, host, path, status, conditional headers)
and exits by itself after --lifetime seconds.

With DIR/cert.pem and DIR/key.pem present at start, it also serves HTTPS
on 127.0.0.1 (port in DIR/tls-port), same routes.

Per-host robots.txt: DIR/robots/HOST (e.g. DIR/robots/127.0.0.2) is
served as is; a first line "STATUS 503" serves that status instead, a
first line "REDIRECT /path" redirects, a first line "GZIP" serves the rest
gzip-compressed (Content-Encoding: gzip); no file means 404.
Pages whose content a test changes between runs: DIR/content/NAME.

Routes (query parameters in brackets):
  /page/NAME            HTML page, no validators
  /etag/NAME            DIR/content/NAME (or a default) with an ETag
  /lm/NAME              the same with Last-Modified only
  /redirect/N           302 chain of N hops, then a page
  /goto                 [code=302] redirect to [to=URL]
  /loop                 302 to itself
  /tofile               302 to file:///etc/passwd
  /status/CODE          that status [retry-after=S]
  /flaky/NAME           fails [fail=K] times with [code=503], then 200
  /slow                 answers after [ms=M] milliseconds
  /stall                sends half the body, then stalls [s=S]
  /reset                sends part of the body, then resets the connection
  /truncated            Content-Length 1000, sends 500 bytes, closes
  /chunked              chunked transfer-encoding
  /gzip                 gzip content-encoding
  /brotli               DIR/brotli.br with Content-Encoding: br (404 if absent)
  /bomb                 64 MiB of zeros, gzip-compressed (about 64 KiB)
  /charset/header       ISO-8859-1 body, charset in Content-Type
  /charset/meta         windows-1251 body, charset in <meta>
  /charset/bom          UTF-16LE body with a byte order mark
  /charset/none         ISO-8859-1 markup, no Content-Type at all
"""
import argparse
import email.utils
import gzip
import hashlib
import json
import os
import socket
import ssl
import struct
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ARGS = None
LOG_LOCK = threading.Lock()
COUNTS = {}
BOMB = None
BOMB_LOCK = threading.Lock()
START = time.time()


def bomb():
    global BOMB
    with BOMB_LOCK:
        if BOMB is None:
            c = gzip.compress(b"\0" * (64 << 20), compresslevel=9)
            BOMB = c
        return BOMB


def page(title, body):
    return ("<!DOCTYPE html><html><head><meta charset=utf-8><title>%s</title>"
            "</head><body><article><h1>%s</h1><p>%s</p></article></body>"
            "</html>\n" % (title, title, body)).encode()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "pith-test/1"

    def setup(self):
        super().setup()
        # Headers and body go out in separate writes: without this,
        # Nagle's algorithm and the client's delayed ACK add ~40 ms.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, fmt, *args):
        pass

    def log_request(self, code="-", size="-"):
        self.status_sent = code

    def record(self, t0):
        entry = {
            "t0": round(t0, 6), "t1": round(time.time(), 6),
            "host": self.server.server_address[0], "path": self.path,
            "status": getattr(self, "status_sent", 0),
            "ua": self.headers.get("User-Agent", ""),
            "inm": self.headers.get("If-None-Match"),
            "ims": self.headers.get("If-Modified-Since"),
            "ae": self.headers.get("Accept-Encoding", ""),
        }
        with LOG_LOCK:
            with open(os.path.join(ARGS.dir, "log"), "a") as f:
                f.write(json.dumps(entry) + "\n")

    def send(self, code, body=b"", ctype="text/html; charset=utf-8",
             headers=()):
        self.send_response(code)
        if ctype:
            self.send_header("Content-Type", ctype)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_GET(self):
        t0 = time.time()
        try:
            self.route()
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        finally:
            self.record(t0)

    def route(self):
        u = urllib.parse.urlsplit(self.path)
        q = dict(urllib.parse.parse_qsl(u.query))
        parts = u.path.strip("/").split("/")
        name = parts[0]
        arg = parts[1] if len(parts) > 1 else ""
        handler = getattr(self, "r_" + name.replace("-", "_").replace(
            ".", "_"), None)
        if handler is None:
            self.send(404, b"not found\n", "text/plain")
            return
        handler(arg, q)

    def r_robots_txt(self, arg, q):
        path = os.path.join(ARGS.dir, "robots", self.server.server_address[0])
        if not os.path.exists(path):
            self.send(404, b"no robots\n", "text/plain")
            return
        with open(path, "rb") as f:
            data = f.read()
        first = data.split(b"\n", 1)[0]
        if first.startswith(b"STATUS "):
            self.send(int(first.split()[1]), b"error\n", "text/plain")
        elif first.startswith(b"REDIRECT "):
            self.send(302, b"", None,
                      [("Location", first.split()[1].decode())])
        elif first == b"GZIP":
            self.send(200, gzip.compress(data.split(b"\n", 1)[1]),
                      "text/plain", [("Content-Encoding", "gzip")])
        else:
            self.send(200, data, "text/plain")

    def r_page(self, arg, q):
        self.send(200, page("Page " + arg, "Text of page %s." % arg))

    def content(self, arg):
        path = os.path.join(ARGS.dir, "content", arg)
        if os.path.exists(path):
            with open(path, "rb") as f:
                return f.read(), os.path.getmtime(path)
        return page("Doc " + arg, "Default text."), START

    def r_etag(self, arg, q):
        body, _ = self.content(arg)
        tag = '"%s"' % hashlib.sha1(body).hexdigest()[:16]
        if self.headers.get("If-None-Match") == tag:
            self.send(304, b"", None, [("ETag", tag)])
            return
        self.send(200, body, headers=[("ETag", tag)])

    def r_lm(self, arg, q):
        body, mtime = self.content(arg)
        lm = email.utils.formatdate(int(mtime), usegmt=True)
        ims = self.headers.get("If-Modified-Since")
        if ims:
            t = email.utils.parsedate_to_datetime(ims).timestamp()
            if int(mtime) <= t:
                self.send(304, b"", None)
                return
        self.send(200, body, headers=[("Last-Modified", lm)])

    def r_redirect(self, arg, q):
        n = int(arg or 0)
        if n <= 0:
            self.send(200, page("End of chain", "Arrived."))
        else:
            self.send(302, b"", None, [("Location", "/redirect/%d" % (n - 1))])

    def r_goto(self, arg, q):
        self.send(int(q.get("code", 302)), b"", None, [("Location", q["to"])])

    def r_loop(self, arg, q):
        self.send(302, b"", None, [("Location", "/loop")])

    def r_tofile(self, arg, q):
        self.send(302, b"", None, [("Location", "file:///etc/passwd")])

    def r_status(self, arg, q):
        headers = []
        if "retry-after" in q:
            headers.append(("Retry-After", q["retry-after"]))
        self.send(int(arg), b"status %s\n" % arg.encode(), "text/plain",
                  headers)

    def r_flaky(self, arg, q):
        with LOG_LOCK:
            COUNTS[arg] = COUNTS.get(arg, 0) + 1
            n = COUNTS[arg]
        if n <= int(q.get("fail", 1)):
            headers = []
            if "retry-after" in q:
                headers.append(("Retry-After", q["retry-after"]))
            self.send(int(q.get("code", 503)), b"try later\n", "text/plain",
                      headers)
        else:
            self.send(200, page("Flaky " + arg, "Worked on try %d." % n))

    def r_slow(self, arg, q):
        time.sleep(int(q.get("ms", 300)) / 1000.0)
        self.send(200, page("Slow " + arg, "Took a while."))

    def r_stall(self, arg, q):
        body = page("Stalled", "x" * 2000)
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body[:len(body) // 2])
        self.wfile.flush()
        time.sleep(float(q.get("s", 5)))
        self.close_connection = True

    def r_reset(self, arg, q):
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", "100000")
        self.end_headers()
        self.wfile.write(b"<p>" + b"x" * 1000)
        self.wfile.flush()
        time.sleep(0.05)
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                   struct.pack("ii", 1, 0))
        self.close_connection = True

    def r_truncated(self, arg, q):
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", "1000")
        self.end_headers()
        self.wfile.write(b"<p>" + b"y" * 497)
        self.close_connection = True

    def r_chunked(self, arg, q):
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        for piece in (b"<p>chunk one, ", b"chunk two, ", b"chunk three</p>\n"):
            self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
        self.wfile.write(b"0\r\n\r\n")

    def r_gzip(self, arg, q):
        body = gzip.compress(page("Gzipped", "Squeezed text." * 50))
        self.send(200, body, headers=[("Content-Encoding", "gzip")])

    def r_brotli(self, arg, q):
        path = os.path.join(ARGS.dir, "brotli.br")
        if not os.path.exists(path):
            self.send(404, b"no brotli body\n", "text/plain")
            return
        with open(path, "rb") as f:
            self.send(200, f.read(), headers=[("Content-Encoding", "br")])

    def r_bomb(self, arg, q):
        self.send(200, bomb(), "text/html",
                  [("Content-Encoding", "gzip")])

    def r_charset(self, arg, q):
        if arg == "header":
            self.send(200, "<p>caf\u00e9 cr\u00e8me</p>\n".encode("latin-1"),
                      "text/html; charset=iso-8859-1")
        elif arg == "meta":
            body = ('<html><head><meta charset="windows-1251"></head>'
                    '<body><p>\u041f\u0440\u0438\u0432\u0435\u0442</p>'
                    '</body></html>\n').encode("cp1251")
            self.send(200, body, "text/html")
        elif arg == "none":
            self.send(200, "<p>caf\u00e9</p>\n".encode("latin-1"), None)
        else:
            body = "\ufeff<p>\u00fcber \u20ac</p>\n".encode("utf-16-le")
            self.send(200, body, "text/html")


def main():
    global ARGS
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", required=True)
    ap.add_argument("--hosts", type=int, default=3)
    ap.add_argument("--lifetime", type=float, default=300)
    ARGS = ap.parse_args()
    os.makedirs(os.path.join(ARGS.dir, "robots"), exist_ok=True)
    os.makedirs(os.path.join(ARGS.dir, "content"), exist_ok=True)
    for attempt in range(20):
        servers = []
        try:
            first = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
            servers.append(first)
            port = first.server_address[1]
            for i in range(2, ARGS.hosts + 1):
                servers.append(ThreadingHTTPServer(("127.0.0.%d" % i, port),
                                                   Handler))
            break
        except OSError:
            for s in servers:
                s.server_close()
    else:
        sys.exit("fetch-server: no free port")
    cert = os.path.join(ARGS.dir, "cert.pem")
    if os.path.exists(cert):
        # HTTPS on 127.0.0.1 with the test's self-signed certificate.
        tls = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(cert, os.path.join(ARGS.dir, "key.pem"))
        tls.socket = ctx.wrap_socket(tls.socket, server_side=True)
        servers.append(tls)
        with open(os.path.join(ARGS.dir, "tls-port"), "w") as f:
            f.write("%d\n" % tls.server_address[1])
    for s in servers:
        s.daemon_threads = True
        threading.Thread(target=s.serve_forever, daemon=True).start()
    tmp = os.path.join(ARGS.dir, "port.tmp")
    with open(tmp, "w") as f:
        f.write("%d\n" % port)
    os.rename(tmp, os.path.join(ARGS.dir, "port"))
    time.sleep(ARGS.lifetime)


if __name__ == "__main__":
    main()
