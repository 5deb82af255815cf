#!/usr/bin/env python3
"""Times the leads inbox against a running PiriSite holding 100,000 requests.

Signs in through the real pages (password, then the authenticator set-up, computing TOTP codes itself),
then requests every view five times untimed, then each view 3 times untimed and 25 times timed, and reports the
median and 95th-percentile time to the full response on loopback. Usage: leads-inbox.py BASE_URL EMAIL PASSWORD
"""
import base64, hashlib, hmac, html, http.client, re, statistics, struct, sys, time, urllib.parse

base, email, password = sys.argv[1], sys.argv[2], sys.argv[3]
host = urllib.parse.urlparse(base)
cookies = {}

def request(method, path, form=None):
    # Cookies by hand: the session cookie is Secure (__Host-), which Python's cookie jar withholds over http.
    conn = http.client.HTTPConnection(host.hostname, host.port, timeout=60)
    headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())}
    body = None
    if form is not None:
        body = urllib.parse.urlencode(form, doseq=True)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    conn.request(method, path, body=body, headers=headers)
    resp = conn.getresponse()
    data = resp.read().decode("utf-8", "replace")
    for header, value in resp.getheaders():
        if header.lower() == "set-cookie":
            name, _, rest = value.partition("=")
            cookies[name] = rest.split(";", 1)[0]
    conn.close()
    return resp.status, resp.getheader("Location"), data

def token(page):
    return html.unescape(re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', page).group(1))

def totp(key):
    key = key.replace(" ", "").upper()
    raw = base64.b32decode(key + "=" * (-len(key) % 8))
    digest = hmac.new(raw, struct.pack(">Q", int(time.time()) // 30), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return "%06d" % ((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1000000)

_, _, page = request("GET", "/account/login")
status, location, _ = request("POST", "/account/login", {"__RequestVerificationToken": token(page), "Email": email, "Password": password, "ReturnUrl": "/admin"})
status, location, _ = request("GET", "/admin")
if location and "two-factor" in location:
    _, _, setup = request("GET", "/account/two-factor")
    key = html.unescape(re.search(r'id="shared-key">([^<]+)<', setup).group(1))
    status, _, body = request("POST", "/account/two-factor", {"__RequestVerificationToken": token(setup), "Code": totp(key)})
    assert status == 200 and "recovery-codes" in body, f"two-factor set-up failed: {status}"
status, location, dashboard = request("GET", "/admin")
assert status == 200, f"sign-in failed: {status} {location} {list(cookies)}"

_, _, inbox = request("GET", "/admin/leads")
search_token = token(inbox)
some_request = re.search(r'href="(/admin/leads/PR-[0-9A-Z]{6})"', inbox).group(1)
scenarios = [
    ("Inbox, urgent first (the default: page 1 of all requests but spam)", "GET", "/admin/leads", None),
    ("Inbox, newest first", "GET", "/admin/leads?sort=newest", None),
    ("Filter: status New", "GET", "/admin/leads?status=New", None),
    ("Filter: Spanish", "GET", "/admin/leads?language=Spanish", None),
    ("Filter: Spanish + asylum + last 90 days", "GET", "/admin/leads?language=Spanish&area=asylum&from=" + time.strftime("%Y-%m-%d", time.gmtime(time.time() - 90 * 86400)), None),
    ("Filter: urgent only", "GET", "/admin/leads?urgent=true", None),
    ("Needs a response", "GET", "/admin/leads?view=needs-response", None),
    ("Follow-ups due", "GET", "/admin/leads?view=follow-ups", None),
    ("Page 500 of the inbox", "GET", "/admin/leads?page=500", None),
    ("Search by name (posted)", "POST", "/admin/leads/search", {"__RequestVerificationToken": search_token, "Q": "Person4711"}),
    ("Search by phone (posted)", "POST", "/admin/leads/search", {"__RequestVerificationToken": search_token, "Q": "555-4711"}),
    ("Search the descriptions (posted)", "POST", "/admin/leads/search", {"__RequestVerificationToken": search_token, "Q": "traffic stop"}),
    ("One request's page (with earlier-contact check)", "GET", some_request, None),
    ("Dashboard (counts, urgent requests and follow-ups due listed)", "GET", "/admin", None),
]

# A site that has been up a while runs code the JIT has optimised (tiered compilation): a first round over every
# view, untimed, so that the first views timed are not the ones that pay for it.
for _ in range(5):
    for label, method, path, form in scenarios:
        request(method, path, form)

print("| view | median ms | p95 ms | rows matched |")
print("|---|---:|---:|---|")
for label, method, path, form in scenarios:
    for _ in range(3):
        request(method, path, form)
    times = []
    for _ in range(25):
        start = time.perf_counter()
        status, _, body = request(method, path, form)
        times.append((time.perf_counter() - start) * 1000)
        assert status == 200, f"{label}: HTTP {status}"
    times.sort()
    found = re.search(r'class="result-count">([^<]+)<', body)
    print(f"| {label} | {statistics.median(times):.1f} | {times[int(len(times) * 0.95) - 1]:.1f} | {found.group(1).strip() if found else 'n/a'} |")
