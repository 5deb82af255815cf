#!/usr/bin/env python3
"""Writes a loopback copy of deploy/nginx/nginx.conf to standard output: the same proxy, headers, trace ids and
access log, but listening on 127.0.0.1 ports and sending to site processes on 127.0.0.1 instead of the compose
services. For checking the config with `nginx -t -c` and for bench/two-instances.sh (no containers run here).

  deploy/nginx/loopback.py --upstream 127.0.0.1:5301 --upstream 127.0.0.1:5302 --http-port 8080 \\
      [--https-port 8443 --cert FILE --key FILE | --plain] --access-log FILE --pid FILE

--plain serves the site itself on the HTTP port (no TLS, no redirect): the benchmark measures the proxy and the
instances, not TLS. `http2 on;` is left out (Debian 12's nginx is 1.22; the directive came in 1.25.1).
"""
import argparse
import pathlib
import re
import sys

parser = argparse.ArgumentParser()
parser.add_argument("--upstream", action="append", required=True)
parser.add_argument("--http-port", type=int, required=True)
parser.add_argument("--https-port", type=int)
parser.add_argument("--cert")
parser.add_argument("--key")
parser.add_argument("--plain", action="store_true")
parser.add_argument("--access-log", required=True)
parser.add_argument("--pid", required=True)
args = parser.parse_args()
if not args.plain and not (args.https_port and args.cert and args.key):
    parser.error("give --https-port, --cert and --key, or --plain")

conf = (pathlib.Path(__file__).parent / "nginx.conf").read_text()


def replace(pattern, replacement, text, count=1):
    new, made = re.subn(pattern, replacement, text, count=count, flags=re.M | re.S)
    if made == 0:
        sys.exit(f"loopback.py: {pattern!r} not found in nginx.conf; update this script with it")
    return new


conf = replace(r"^pid .*?;", f"pid {args.pid};", conf)
conf = replace(r"access_log /dev/stdout json;", f"access_log {args.access_log} json;", conf)
servers = "\n".join(f"        server {u} max_fails=1 fail_timeout=10s;" for u in args.upstream)
conf = replace(r"(?:^\s*server web-[ab]:8080[^\n]*\n)+", servers + "\n", conf)
conf = replace(r"^\s*listen \[::\]:\d+[^\n]*\n", "", conf, count=0)
conf = replace(r"^\s*http2 on;\n", "", conf)
if args.plain:
    conf = replace(r"    server \{\n        listen 80 default_server;.*?\n    \}\n\n", "", conf)
    conf = replace(r"listen 443 ssl default_server;", f"listen 127.0.0.1:{args.http_port} default_server;", conf)
    conf = replace(r"^\s*ssl_[^\n]*\n", "", conf, count=0)
else:
    conf = replace(r"listen 80 default_server;", f"listen 127.0.0.1:{args.http_port} default_server;", conf)
    conf = replace(r"return 301 https://\$host\$request_uri;", f"return 301 https://$host:{args.https_port}$request_uri;", conf)
    conf = replace(r"listen 443 ssl default_server;", f"listen 127.0.0.1:{args.https_port} ssl default_server;", conf)
    conf = replace(r"/etc/nginx/certs/fullchain.pem", args.cert, conf)
    conf = replace(r"/etc/nginx/certs/privkey.pem", args.key, conf)
sys.stdout.write(conf)
