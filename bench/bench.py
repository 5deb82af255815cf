#!/usr/bin/env python3
"""Drives wrk against the site and the baseline (started by bench/run.sh) and writes bench/RESULTS.md.

Each repetition runs every scenario once, in the same order, so the baseline and the site see the same machine
conditions; figures are medians over the repetitions, and each is also given as a ratio to the baseline's.
Server CPU per request comes from /proc/PID/stat (user + system time) around each run; peak memory is VmHWM.
On PostgreSQL the server's CPU is the site's plus the database server's (all its processes, those that ended
during the run included), since SQLite does the same work inside the site's process.
"""
import argparse, html, json, os, platform, re, sqlite3, statistics, subprocess, time, urllib.request

parser = argparse.ArgumentParser()
parser.add_argument("--work", required=True)
parser.add_argument("--repetitions", type=int, default=5)
parser.add_argument("--seconds", type=int, default=8)
parser.add_argument("--baseline", required=True)
parser.add_argument("--headers-reference", required=True)
parser.add_argument("--framework-reference", required=True)
parser.add_argument("--store-reference", required=True)
parser.add_argument("--site", required=True)
parser.add_argument("--uncached", required=True)
parser.add_argument("--postgres-site", required=True, help="the site on PostgreSQL, page cache off")
parser.add_argument("--postgres", required=True, help="its connection string (Host=...;Port=...;Username=...;Database=...)")
parser.add_argument("--postgres-dir", required=True, help="the throwaway server's folder (for its process id)")
parser.add_argument("--output", required=True)
parser.add_argument("--threads", type=int, default=2)
parser.add_argument("--connections", type=int, default=32)
args = parser.parse_args()
load_at_start = os.getloadavg()

LUA_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "wrk")
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
ARTICLE = "/articles/what-is-the-ice-287g-program"
WARM_UP_SECONDS = int(os.environ.get("BENCH_WARM_UP_SECONDS", "15"))  # shorter only to try the script out


def pid_listening_on(url):
    port = url.rsplit(":", 1)[1]
    out = subprocess.run(["ss", "-Htlnp", f"sport = :{port}"], capture_output=True, text=True).stdout
    return int(re.search(r"pid=(\d+)", out).group(1))


def cpu_seconds(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS  # utime + stime


def memory_mb(pid, field):
    """A field of /proc/PID/status in MB: VmHWM (peak resident), VmRSS, and its parts RssFile (mapped files: the
    runtime, the framework, the app's assemblies), RssShmem (.NET maps JIT-compiled code through shared memory)
    and RssAnon (the GC heap, native allocations, thread stacks)."""
    status = open(f"/proc/{pid}/status").read()
    return int(re.search(rf"{field}:\s+(\d+) kB", status).group(1)) / 1024


def peak_rss_mb(pid):
    return memory_mb(pid, "VmHWM")


def postgres_cpu_seconds():
    """CPU of the whole PostgreSQL server: the postmaster, its live processes (connections, parallel workers,
    background writers) and those that have ended (the postmaster's children times)."""
    postmaster = int(open(os.path.join(args.postgres_dir, "data", "postmaster.pid")).readline())
    fields = open(f"/proc/{postmaster}/stat").read().rsplit(")", 1)[1].split()
    total = sum(int(f) for f in fields[11:15]) / CLOCK_TICKS  # utime, stime, cutime, cstime
    children = subprocess.run(["pgrep", "-P", str(postmaster)], capture_output=True, text=True).stdout.split()
    for child in children:
        try:
            total += cpu_seconds(int(child))
        except FileNotFoundError:  # ended meanwhile: counted in the postmaster's children times from now on
            pass
    return total


POSTGRES_SETTINGS = dict(part.split("=", 1) for part in args.postgres.split(";") if part)
POSTGRES_URL = (f"postgresql://{POSTGRES_SETTINGS['Username']}@{POSTGRES_SETTINGS['Host']}:{POSTGRES_SETTINGS['Port']}/"
                f"{POSTGRES_SETTINGS['Database']}")


def postgres_value(sql):
    return subprocess.run(["psql", POSTGRES_URL, "-qtAc", sql], capture_output=True, text=True, check=True).stdout.strip()


def get(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(request) as response:
        return response.read().decode(), response.headers


def consultation_form(site):
    """The consultation form as a browser gets it: antiforgery cookie, token, sealed start time and the notice
    version it shows (each site has its own keys, kept in its database)."""
    page, headers = get(site + "/consultation")
    cookie = "; ".join(c.split(";")[0] for c in headers.get_all("Set-Cookie") if c.startswith("__Host-PiriSite.Antiforgery="))
    hidden = {}
    for tag in re.findall(r"<input\b[^>]*>", page):
        attributes = dict(re.findall(r'(\w+)="([^"]*)"', tag))
        if attributes.get("type") == "hidden" and "name" in attributes:
            hidden[attributes["name"]] = html.unescape(attributes.get("value", ""))
    return {"BENCH_COOKIE": cookie, "BENCH_TOKEN": hidden["__RequestVerificationToken"], "BENCH_SHOWN_AT": hidden["ShownAt"],
            "BENCH_NOTICE_VERSION": hidden["NoticeVersion"]}


stylesheet = re.search(r'<link rel="stylesheet" href="([^"]+)"', get(args.site + "/")[0]).group(1)

processes = {"baseline": pid_listening_on(args.baseline), "headers": pid_listening_on(args.headers_reference),
             "framework": pid_listening_on(args.framework_reference), "store": pid_listening_on(args.store_reference),
             "site": pid_listening_on(args.site),
             "uncached": pid_listening_on(args.uncached), "postgres": pid_listening_on(args.postgres_site)}

POST_FORM = consultation_form(args.site)
POSTGRES_POST_FORM = consultation_form(args.postgres_site)
# name, description, server, path, lua script, extra environment
SCENARIOS = [
    ("baseline", "Baseline: the same article bytes from memory", "baseline", "/", "get.lua", {}),
    ("headers", "Reference: baseline + the site's security headers", "headers", "/", "get.lua", {}),
    ("framework", "Reference: baseline + security headers + routing and ASP.NET Core's output cache", "framework", "/",
     "get.lua", {}),
    ("cached", "Article page, from the output cache", "site", ARTICLE, "get.lua", {}),
    ("uncached", "Article page, rendered (cache off)", "uncached", ARTICLE, "get.lua", {}),
    ("pg-uncached", "Article page, rendered (cache off), on PostgreSQL", "postgres", ARTICLE, "get.lua", {}),
    ("home", "Home page, from the output cache", "site", "/", "get.lua", {}),
    ("css", "Stylesheet, Brotli (precompressed static asset)", "site", stylesheet, "get.lua", {"BENCH_ACCEPT_ENCODING": "br"}),
    ("store", "Reference: the same form POST stored in SQLite, one durable transaction each, 302", "store",
     "/consultation", "consultation.lua", POST_FORM),
    ("post", "Consultation POST (stored, 302 to the confirmation)", "site", "/consultation", "consultation.lua", POST_FORM),
    ("pg-post", "Consultation POST on PostgreSQL (stored, 302 to the confirmation)", "postgres", "/consultation",
     "consultation.lua", POSTGRES_POST_FORM),
]
POSTS = ("post", "pg-post")
resident_at_start = {name: memory_mb(pid, "VmRSS") for name, pid in processes.items()}
URLS = {"baseline": args.baseline, "headers": args.headers_reference, "framework": args.framework_reference,
        "store": args.store_reference, "site": args.site, "uncached": args.uncached, "postgres": args.postgres_site}


def wrk(scenario, seconds):
    name, _, server, path, script, extra = scenario
    env = dict(os.environ, BENCH_LUA_DIR=LUA_DIR, BENCH_RUN_ID=os.urandom(4).hex(), **extra)
    pid = processes[server]
    on_postgres = server == "postgres"
    before, database_before = cpu_seconds(pid), postgres_cpu_seconds() if on_postgres else 0
    out = subprocess.run(["wrk", f"-t{args.threads}", f"-c{args.connections}", f"-d{seconds}s",
                          "-s", os.path.join(LUA_DIR, script), URLS[server] + path],
                         capture_output=True, text=True, env=env, check=True).stdout
    database_cpu = postgres_cpu_seconds() - database_before if on_postgres else 0
    cpu = cpu_seconds(pid) - before + database_cpu
    result = json.loads(out.strip().splitlines()[-1])
    result["rps"] = result["requests"] / (result["duration_us"] / 1e6)
    result["cpu_us_per_request"] = cpu * 1e6 / max(result["requests"], 1)
    result["database_cpu_us_per_request"] = database_cpu * 1e6 / max(result["requests"], 1)
    result["bytes_per_response"] = result["bytes"] / max(result["requests"], 1)
    return result


def sqlite_value(sql):
    with sqlite3.connect(os.path.join(args.work, "cached.db")) as db:
        return db.execute(sql).fetchone()[0]


# The counts asked of each POST scenario's database: the SQLite site's file, or the PostgreSQL server.
COUNTS = {
    "pending emails": ("SELECT COUNT(*) FROM OutboxMessages WHERE Status = 'Pending'",
                       """SELECT COUNT(*) FROM "OutboxMessages" WHERE "Status" = 'Pending'"""),
    "requests": ("SELECT COUNT(*) FROM ConsultationRequests", 'SELECT COUNT(*) FROM "ConsultationRequests"'),
    "spam": ("SELECT COUNT(*) FROM ConsultationRequests WHERE SpamVerdict != 'NotSpam'",
             """SELECT COUNT(*) FROM "ConsultationRequests" WHERE "SpamVerdict" != 'NotSpam'"""),
}


def database_count(post, what):
    on_sqlite, on_postgres = COUNTS[what]
    return sqlite_value(on_sqlite) if post == "post" else int(postgres_value(on_postgres))


def wait_for_outbox(post):
    """Emails queued by the POSTs are written by the site in the background; let it finish before going on, so
    that it takes no CPU from the next scenarios (the POSTs run last in each repetition for the same reason)."""
    start = time.time()
    while time.time() - start < 600:
        if database_count(post, "pending emails") == 0:
            break
        time.sleep(0.2)
    drain_seconds[post].append(time.time() - start)


drain_seconds = {post: [] for post in POSTS}
requests_before = {post: database_count(post, "requests") for post in POSTS}

print("Warming up...", flush=True)
posts_sent = {post: 0 for post in POSTS}
# Long enough for .NET's tiered compilation to reach its optimised code, as on a site that has been up a while.
for scenario in SCENARIOS:
    warm = wrk(scenario, WARM_UP_SECONDS)
    if scenario[0] in POSTS:
        posts_sent[scenario[0]] += warm["requests"]
        wait_for_outbox(scenario[0])

runs = {s[0]: [] for s in SCENARIOS}
for repetition in range(1, args.repetitions + 1):
    for scenario in SCENARIOS:
        result = wrk(scenario, args.seconds)
        runs[scenario[0]].append(result)
        if scenario[0] in POSTS:
            posts_sent[scenario[0]] += result["requests"]
            wait_for_outbox(scenario[0])
        print(f"rep {repetition} {scenario[0]:9} {result['rps']:9.0f} req/s  p50 {result['p50_us'] / 1000:6.2f} ms"
              f"  p99 {result['p99_us'] / 1000:6.2f} ms  {result['cpu_us_per_request']:6.0f} µs CPU/req"
              f"  non-2xx {result['non_2xx']}", flush=True)

stored = {post: database_count(post, "requests") - requests_before[post] for post in POSTS}
spam = {post: database_count(post, "spam") for post in POSTS}
peak = {name: peak_rss_mb(pid) for name, pid in processes.items()}
parts = {name: {field: memory_mb(pid, field) for field in ("RssFile", "RssShmem", "RssAnon")}
         for name, pid in processes.items()}


def median(name, key):
    return statistics.median(r[key] for r in runs[name])


base = {key: median("baseline", key) for key in ("rps", "p50_us", "p99_us", "cpu_us_per_request")}
rows = []
for name, description, server, *_ in SCENARIOS:
    m = {key: median(name, key) for key in ("rps", "p50_us", "p99_us", "cpu_us_per_request", "bytes_per_response",
                                            "database_cpu_us_per_request")}
    rows.append((name, description, server, m, sum(r["non_2xx"] + r["socket_errors"] for r in runs[name])))


def ratio(value, reference):
    return value / reference if reference else float("nan")


by_name = {name: m for name, _, _, m, _ in rows}
errors = {name: e for name, _, _, _, e in rows}
targets = [
    ("Cached article ≥ 0.9× the baseline's requests/s", ratio(by_name["cached"]["rps"], base["rps"]), lambda r: r >= 0.9),
    ("Uncached article ≥ 0.33×", ratio(by_name["uncached"]["rps"], base["rps"]), lambda r: r >= 0.33),
    ("Consultation POST ≥ 0.2×", ratio(by_name["post"]["rps"], base["rps"]), lambda r: r >= 0.2),
    ("On PostgreSQL: uncached article ≥ 0.33×", ratio(by_name["pg-uncached"]["rps"], base["rps"]), lambda r: r >= 0.33),
    ("On PostgreSQL: consultation POST ≥ 0.2×", ratio(by_name["pg-post"]["rps"], base["rps"]), lambda r: r >= 0.2),
    ("Cached article p99 ≤ 1.5× the baseline's", ratio(by_name["cached"]["p99_us"], base["p99_us"]), lambda r: r <= 1.5),
    ("Cached home page p99 ≤ 1.5× the baseline's", ratio(by_name["home"]["p99_us"], base["p99_us"]), lambda r: r <= 1.5),
]

cpu_model = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "unknown")
memory_gib = int(re.search(r"MemTotal:\s+(\d+)", open("/proc/meminfo").read()).group(1)) / 1024 / 1024
dotnet = subprocess.run(["dotnet", "--version"], capture_output=True, text=True).stdout.strip()
wrk_version = subprocess.run(["wrk", "--version"], capture_output=True, text=True).stdout.split("[")[0].strip()
postgres_version = postgres_value("SHOW server_version").split()[0]
postgres_config = {name: postgres_value(f"SHOW {name}") for name in
                   ("fsync", "synchronous_commit", "shared_buffers")}

lines = [
    "# Public site benchmark",
    "",
    f"Made by `bench/run.sh` on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}. Every figure is the median of "
    f"{args.repetitions} interleaved repetitions of {args.seconds} s each (after a {WARM_UP_SECONDS} s warm-up of every scenario), "
    f"with `wrk -t{args.threads} -c{args.connections}` on the same machine, over loopback.",
    "",
    "## Machine",
    f"- {os.cpu_count()} cores ({cpu_model}), {memory_gib:.0f} GiB memory, {platform.system()} {platform.release()} {platform.machine()}",
    f"- .NET SDK {dotnet}, Release build published by the script; {wrk_version}",
    f"- PostgreSQL {postgres_version} on the same machine over loopback TCP, a throwaway server with Debian's default "
    f"settings (fsync {postgres_config['fsync']}, synchronous_commit {postgres_config['synchronous_commit']}, "
    f"shared_buffers {postgres_config['shared_buffers']}); SQLite in WAL mode with synchronous=FULL inside the site's process",
    f"- Load average (1, 5, 15 minutes) when the measurements started: {' '.join(f'{x:.2f}' for x in load_at_start)}; "
    f"when they ended: {' '.join(f'{x:.2f}' for x in os.getloadavg())} (other work on the machine shows here)",
    "- wrk and the servers share the two cores, so absolute figures are lower than on a dedicated server; "
    "the ratios to the baseline, measured in the same run, are what to compare.",
    "",
    "## Results",
    "",
    "| Scenario | Requests/s | × baseline | p50 ms | × | p99 ms | × | Server CPU µs/request | × | Bytes/response | Non-2xx |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
]
for name, description, server, m, non2xx in rows:
    lines.append(
        f"| {description} | {m['rps']:,.0f} | {ratio(m['rps'], base['rps']):.2f} | {m['p50_us'] / 1000:.2f} | "
        f"{ratio(m['p50_us'], base['p50_us']):.2f} | {m['p99_us'] / 1000:.2f} | {ratio(m['p99_us'], base['p99_us']):.2f} | "
        f"{m['cpu_us_per_request']:,.0f} | {ratio(m['cpu_us_per_request'], base['cpu_us_per_request']):.2f} | "
        f"{m['bytes_per_response']:,.0f} | {non2xx} |")
lines += [
    "",
    "Non-2xx counts wrk's status errors (not 2xx or 3xx) and socket errors. The consultation POST answers 302 to "
    "the confirmation page by design (post, redirect, get).",
    "",
    "On PostgreSQL the server CPU adds the database server's processes to the site's: of it, "
    f"{by_name['pg-uncached']['database_cpu_us_per_request']:,.0f} µs a rendered article and "
    f"{by_name['pg-post']['database_cpu_us_per_request']:,.0f} µs a consultation POST were PostgreSQL's "
    "(SQLite's share is inside the site's process and not told apart). "
    + "A rendered article reads its row from the database (one query by id, for its body); what lists and links "
      "need is held in memory (issue 18).",
    "",
    "## Peak resident memory",
    "",
    "| Process | Peak RSS MB | × baseline | Resident after start-up | At the end: mapped files | JIT code | Heap and native |",
    "|---|---:|---:|---:|---:|---:|---:|",
]
for name, label in (("site", "Site, page cache on (cached pages, home, POST, stylesheet)"),
                    ("uncached", "Site, page cache off (rendered article)"),
                    ("postgres", "Site on PostgreSQL, page cache off (rendered article, POST)"), ("baseline", "Baseline"),
                    ("framework", "Reference: headers and output cache"), ("store", "Reference: durable form post")):
    lines.append(f"| {label} | {peak[name]:.0f} | {ratio(peak[name], peak['baseline']):.2f} | {resident_at_start[name]:.0f} | "
                 f"{parts[name]['RssFile']:.0f} | {parts[name]['RssShmem']:.0f} | {parts[name]['RssAnon']:.0f} |")
lines += [
    "",
    "Resident after start-up is measured before the first benchmark request (the site has answered a few pages). "
    "The last three columns split the resident memory at the end of the run (in MB): pages of mapped files (the .NET "
    "runtime and framework, the app's assemblies and native libraries), code compiled by the JIT (which .NET maps "
    "through shared memory), and the rest (GC heap, native allocations, stacks).",
]
lines += [
    "",
    "## Consultation requests stored",
    "",
    "| Database | POSTs completed (warm-up included) | New requests stored | Marked as spam | Emails drained after each run (median s) |",
    "|---|---:|---:|---:|---:|",
    *(f"| {engine} | {posts_sent[post]:,} | {stored[post]:,} | {spam[post]:,} | {statistics.median(drain_seconds[post]):.0f} |"
      for post, engine in (("post", "SQLite"), ("pg-post", "PostgreSQL"))),
    "",
    "Each POST carries a new idempotency key (unique across threads and runs), so each stores a request and queues "
    "its two emails (written as files by the outbox sender, which the script lets finish before the next scenario). "
    "A few more rows than completed POSTs are requests wrk cut off at the end of a run: stored, but their answer not "
    "counted.",
    "",
    "## Targets (ratios to the baseline in this run)",
    "",
    "| Target | Measured | Met |",
    "|---|---:|:---:|",
]
for label, value, check in targets:
    lines.append(f"| {label} | {value:.2f} | {'yes' if check(value) else 'NO'} |")
site_peak = max(peak["site"], peak["uncached"], peak["postgres"])
lines.append(f"| Peak memory ≤ 200 MB | {site_peak:.0f} MB | {'yes' if site_peak <= 200 else 'NO'} |")
total_errors = sum(errors.values())
lines.append(f"| Zero non-2xx | {total_errors} | {'yes' if total_errors == 0 else 'NO'} |")
framework = ratio(by_name["framework"]["rps"], base["rps"])
lines += [
    "",
    "## What the framework allows (the reference apps)",
    "",
    f"The same article bytes with the site's security headers reach {ratio(by_name['headers']['rps'], base['rps']):.2f}× "
    f"the baseline's requests/s ({by_name['headers']['cpu_us_per_request']:.0f} µs CPU a request); through routing and "
    f"ASP.NET Core's output cache as well, {framework:.2f}× ({by_name['framework']['cpu_us_per_request']:.0f} µs). "
    f"That is the most a page served from ASP.NET Core's output cache with the site's headers reaches on this machine; "
    f"the site's cached article reaches {ratio(by_name['cached']['rps'], base['rps']):.2f}× "
    f"({ratio(by_name['cached']['rps'], by_name['framework']['rps']):.2f}× that reference).",
    "",
    f"A form post stored in SQLite with nothing else (no MVC, no EF Core, no antiforgery, no emails), one durable "
    f"transaction per post as the site commits each request, reaches {ratio(by_name['store']['rps'], base['rps']):.2f}× "
    f"({by_name['store']['cpu_us_per_request']:.0f} µs CPU a post); the site's consultation POST reaches "
    f"{ratio(by_name['post']['rps'], base['rps']):.2f}× on SQLite and {ratio(by_name['pg-post']['rps'], base['rps']):.2f}× "
    "on PostgreSQL.",
    "",
]

open(args.output, "w").write("\n".join(lines))
print("\n".join(lines))
