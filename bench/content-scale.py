#!/usr/bin/env python3
"""Content at scale (issue 18): seeds N published articles into copies of a seeded database and measures the site on each.

Run by bench/content-scale.sh, which publishes the site, seeds an empty database by starting the site once (with a staff
account for the editor) and cleans up after. For each N this script:
  1. copies that database and bulk-inserts N published articles in English, Spanish and French (one transaction):
     Markdown bodies of 8-40 KB with headings, lists and links, the HTML the site would store for them (and the
     renderer's current RenderVersion, read from the site's own seeded articles, so nothing is rendered at start),
     summaries of 150-300 characters, unique slugs, publication dates spread over six years, translations sharing a
     TranslationKey, and 1-3 topics each when the Topics and ArticleTopics tables exist;
  2. starts the site (its pid in WORK/site.pid, for the shell's clean-up) and times process start to the first 200 of /;
  3. reads its resident memory (VmRSS) then, times the article indexes (first render, then cached repeats);
  4. visits up to VISITS different article pages in the three languages, as a browser asks for them (Accept-Encoding
     br, gzip), and reads the resident memory again;
  5. signs in as staff (password, then the authenticator set-up with TOTP codes computed here), saves a new title for
     one article through the editor and times from the save's answer to the first anonymous GET showing it.
Writes a Markdown report. Usage: see bench/content-scale.sh.
"""
import argparse, base64, datetime, hashlib, hmac, html, html.parser, http.client, json, os, platform, queue, random, re
import shutil, sqlite3, statistics, struct, subprocess, sys, threading, time, unicodedata, urllib.parse

ARTICLE_PREFIX = {"en": "/articles/", "es": "/es/articulos/", "fr": "/fr/articles/"}
INDEXES = ["/articles", "/es/articulos", "/fr/articles", "/articles/page/2"]
BROWSER = {"Accept-Encoding": "br, gzip"}


def log(message):
    print(message, file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------------------- content

WORDS = {
    "en": {
        "subjects": ["An immigration judge", "The Department of Homeland Security", "USCIS", "Your attorney", "A local sheriff",
                     "The applicant", "ICE", "A family member", "The consulate", "A lawful permanent resident",
                     "The Board of Immigration Appeals", "An asylum officer", "The employer", "A U.S. citizen spouse"],
        "verbs": ["may review", "usually requests", "must consider", "can postpone", "often questions", "will examine",
                  "may deny", "has to document", "should verify", "rarely waives", "can reopen", "needs to file"],
        "objects": ["the notice to appear", "a bond hearing", "the I-130 petition", "prior removal orders", "the biometrics appointment",
                    "proof of continuous residence", "the credible fear interview", "a motion to reopen", "the work permit",
                    "evidence of persecution", "the affidavit of support", "a request for evidence", "the detainer"],
        "tails": ["before the deadline", "in most cases", "within ninety days", "after the interview", "under current policy",
                  "when the facts support it", "unless an exception applies", "at the master calendar hearing", "for every applicant",
                  "while the case is pending"],
        "topics": ["Asylum", "Bond hearings", "Family petitions", "Removal defense", "287(g) agreements", "Work permits",
                   "Naturalization", "Detention", "Appeals", "Visas for victims", "Green cards", "Court procedure"],
        "title": ["{t}: what to know in {y}", "How {t} works for families", "{t} explained step by step",
                  "Common mistakes in {t} cases", "{t} after a traffic stop", "Your rights and {t}", "A guide to {t} in {y}"],
        "headings": ["Who qualifies", "What the law says", "How the process works", "Deadlines to watch", "Evidence that helps",
                     "Common questions", "What happens next", "When to call a lawyer", "Costs and fees", "Recent changes"],
        "link": "Read more",
        "author": "Michael Piri",
    },
    "es": {
        "subjects": ["Un juez de inmigración", "El Departamento de Seguridad Nacional", "USCIS", "Su abogado", "Un alguacil local",
                     "El solicitante", "ICE", "Un familiar", "El consulado", "Un residente permanente",
                     "La Junta de Apelaciones de Inmigración", "Un oficial de asilo", "El empleador", "Un cónyuge ciudadano"],
        "verbs": ["puede revisar", "suele pedir", "debe considerar", "puede aplazar", "a menudo cuestiona", "examinará",
                  "puede negar", "tiene que documentar", "debería verificar", "rara vez exime", "puede reabrir", "necesita presentar"],
        "objects": ["la notificación de comparecencia", "una audiencia de fianza", "la petición I-130", "órdenes de deportación previas",
                    "la cita de datos biométricos", "la prueba de residencia continua", "la entrevista de miedo creíble",
                    "una moción para reabrir", "el permiso de trabajo", "las pruebas de persecución", "la declaración jurada de patrocinio",
                    "una solicitud de pruebas", "la orden de retención"],
        "tails": ["antes del plazo", "en la mayoría de los casos", "dentro de noventa días", "después de la entrevista",
                  "según la política actual", "cuando los hechos lo respaldan", "salvo que haya una excepción",
                  "en la audiencia preliminar", "para cada solicitante", "mientras el caso está pendiente"],
        "topics": ["Asilo", "Audiencias de fianza", "Peticiones familiares", "Defensa contra la deportación", "Acuerdos 287(g)",
                   "Permisos de trabajo", "Naturalización", "Detención", "Apelaciones", "Visas para víctimas", "Tarjetas verdes",
                   "Procedimiento judicial"],
        "title": ["{t}: lo que debe saber en {y}", "Cómo funcionan {t} para las familias", "{t} paso a paso",
                  "Errores comunes en casos de {t}", "{t} después de una parada de tráfico", "Sus derechos y {t}", "Guía de {t} en {y}"],
        "headings": ["Quién califica", "Lo que dice la ley", "Cómo funciona el proceso", "Plazos importantes", "Pruebas que ayudan",
                     "Preguntas frecuentes", "Qué sigue", "Cuándo llamar a un abogado", "Costos y tarifas", "Cambios recientes"],
        "link": "Más información",
        "author": "Michael Piri",
    },
    "fr": {
        "subjects": ["Un juge de l'immigration", "Le département de la Sécurité intérieure", "L'USCIS", "Votre avocat",
                     "Un shérif local", "Le demandeur", "L'ICE", "Un membre de la famille", "Le consulat", "Un résident permanent",
                     "La Commission des recours en immigration", "Un agent d'asile", "L'employeur", "Un conjoint citoyen"],
        "verbs": ["peut examiner", "demande souvent", "doit prendre en compte", "peut reporter", "interroge souvent", "étudiera",
                  "peut refuser", "doit justifier", "devrait vérifier", "accorde rarement une dispense pour", "peut rouvrir", "doit déposer"],
        "objects": ["l'avis de comparution", "une audience de caution", "la pétition I-130", "les mesures d'expulsion antérieures",
                    "le rendez-vous biométrique", "la preuve de résidence continue", "l'entretien de crainte crédible",
                    "une requête en réouverture", "le permis de travail", "les preuves de persécution", "l'engagement de prise en charge",
                    "une demande de preuves", "la demande de détention"],
        "tails": ["avant la date limite", "dans la plupart des cas", "sous quatre-vingt-dix jours", "après l'entretien",
                  "selon la politique actuelle", "lorsque les faits le justifient", "sauf exception", "lors de l'audience préliminaire",
                  "pour chaque demandeur", "pendant l'examen du dossier"],
        "topics": ["Asile", "Audiences de caution", "Pétitions familiales", "Défense contre l'expulsion", "Accords 287(g)",
                   "Permis de travail", "Naturalisation", "Détention", "Recours", "Visas pour les victimes", "Cartes vertes",
                   "Procédure judiciaire"],
        "title": ["{t} : ce qu'il faut savoir en {y}", "Comment fonctionne {t} pour les familles", "{t} étape par étape",
                  "Erreurs fréquentes en matière de {t}", "{t} après un contrôle routier", "Vos droits et {t}", "Guide : {t} en {y}"],
        "headings": ["Qui est admissible", "Ce que dit la loi", "Le déroulement de la procédure", "Les délais à surveiller",
                     "Les preuves utiles", "Questions fréquentes", "La suite", "Quand appeler un avocat", "Coûts et frais",
                     "Changements récents"],
        "link": "En savoir plus",
        "author": "Michael Piri",
    },
}
EXTERNAL_LINKS = ["https://www.uscis.gov/forms", "https://www.justice.gov/eoir", "https://www.ice.gov/identify-and-arrest/287g",
                  "https://travel.state.gov/content/travel/en/us-visas.html", "https://www.uscis.gov/green-card"]


def slugify(text):
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def sentence(rng, words):
    return f"{rng.choice(words['subjects'])} {rng.choice(words['verbs'])} {rng.choice(words['objects'])} {rng.choice(words['tails'])}."


def inline(rng, words, text_parts, html_parts, links):
    """One paragraph: sentences, now and then a bold phrase or a link (Markdown and its HTML side by side)."""
    for _ in range(rng.randint(3, 7)):
        s = sentence(rng, words)
        roll = rng.random()
        if roll < 0.12:
            phrase = rng.choice(words["objects"])
            text_parts.append(f"**{phrase}**: {s}")
            html_parts.append(f"<strong>{html.escape(phrase, quote=False)}</strong>: {html.escape(s, quote=False)}")
        elif roll < 0.22:
            href = rng.choice(links)
            text_parts.append(f"{s} [{words['link']}]({href}).")
            html_parts.append(f'{html.escape(s, quote=False)} <a href="{html.escape(href)}">{html.escape(words["link"], quote=False)}</a>.')
        else:
            text_parts.append(s)
            html_parts.append(html.escape(s, quote=False))


def paragraph(rng, words, links):
    md, out = [], []
    inline(rng, words, md, out, links)
    return " ".join(md), "<p>" + " ".join(out) + "</p>"


def body(rng, words, target_bytes, internal_links):
    """Markdown of about target_bytes, its HTML (as the site's renderer writes it: ids on headings) and its table of contents."""
    links = EXTERNAL_LINKS + internal_links
    md, out, toc, used_ids = [], [], [], set()
    size = 0

    def add(markdown, rendered):
        nonlocal size
        md.append(markdown)
        out.append(rendered)
        size += len(markdown.encode())

    def heading(level, text):
        base = slugify(text) or "section"
        anchor, n = base, 1
        while anchor in used_ids:
            n += 1
            anchor = f"{base}-{n}"
        used_ids.add(anchor)
        add("#" * level + " " + text, f'<h{level} id="{anchor}">{html.escape(text, quote=False)}</h{level}>')
        return {"Id": anchor, "Text": text, "Children": []}

    add(*paragraph(rng, words, links))
    section = 0
    while size < target_bytes:
        section += 1
        entry = heading(2, f"{rng.choice(words['headings'])} ({section})")
        toc.append(entry)
        for _ in range(rng.randint(2, 4)):
            add(*paragraph(rng, words, links))
        if rng.random() < 0.6:
            ordered = rng.random() < 0.4
            items = [sentence(rng, words) for _ in range(rng.randint(3, 6))]
            marker = (lambda i: f"{i + 1}.") if ordered else (lambda i: "-")
            tag = "ol" if ordered else "ul"
            add("\n".join(f"{marker(i)} {item}" for i, item in enumerate(items)),
                f"<{tag}>\n" + "\n".join(f"<li>{html.escape(item, quote=False)}</li>" for item in items) + f"\n</{tag}>")
        if rng.random() < 0.5:
            entry["Children"].append(heading(3, rng.choice(words["headings"])))
            add(*paragraph(rng, words, links))
    return "\n\n".join(md) + "\n", "\n".join(out) + "\n", json.dumps(toc, ensure_ascii=False, separators=(",", ":"))


def summary(rng, words):
    text = ""
    while len(text) < 150:
        text = (text + " " + sentence(rng, words)).strip()
    if len(text) > 300:
        text = text[:297].rsplit(" ", 1)[0] + "..."
    return text


def articles(n, now):
    """n articles (rows) over the three languages: about 60% of the English articles have both translations, 20% one."""
    rng = random.Random(18)
    rows, key = [], 0
    six_years = 6 * 365 * 86400
    while len(rows) < n:
        key += 1
        roll = rng.random()
        cultures = ["en", "es", "fr"] if roll < 0.6 else ["en", "es"] if roll < 0.8 else ["en"]
        published = now - datetime.timedelta(seconds=rng.randint(86400, six_years))
        topic_index = rng.randrange(len(WORDS["en"]["topics"]))
        year = published.year
        for culture in cultures[: n - len(rows)]:
            words = WORDS[culture]
            template, topic = rng.choice(words["title"]), words["topics"][topic_index]
            # A topic inside a title is in lower case ("Your rights and work permits"), at its start as written.
            title = template.format(t=topic if template.startswith("{t}") else topic[0].lower() + topic[1:], y=year)
            slug = f"{slugify(title)[:80].strip('-')}-{key}"
            target = int(rng.triangular(8_000, 40_000, 14_000))
            internal = [ARTICLE_PREFIX[culture] + r["Slug"] for r in rng.sample(rows, min(3, len(rows))) if r["Culture"] == culture]
            markdown, rendered, toc = body(rng, words, target, internal)
            rows.append({
                "TranslationKey": f"bench-{key}", "Culture": culture, "Title": title, "Slug": slug,
                "Summary": summary(rng, words), "BodyMarkdown": markdown, "BodyHtml": rendered, "TableOfContentsJson": toc,
                "AuthorName": words["author"], "Status": "Published",
                "PublishedAt": published.strftime("%Y-%m-%d %H:%M:%S.%f") + "0", "UpdatedAt": published.strftime("%Y-%m-%d %H:%M:%S.%f") + "0",
                "Version": 0, "TextVersion": 1, "SourceTextVersion": None if culture == "en" else 1, "FastMoving": 0,
                "_topic": topic_index,
            })
    return rows


def columns(db, table):
    """The table's columns: name -> (not null, has a default); empty when the table does not exist."""
    return {row[1]: (bool(row[3]), row[4] is not None or bool(row[5])) for row in db.execute(f'PRAGMA table_info("{table}")')}


def insert(db, table, row):
    known = columns(db, table)
    values = {k: v for k, v in row.items() if k in known and not k.startswith("_")}
    missing = [c for c, (not_null, has_default) in known.items() if not_null and not has_default and c not in values and c != "Id"]
    if missing:
        raise SystemExit(f"{table} has required columns this script does not fill: {missing}")
    names = ", ".join(f'"{k}"' for k in values)
    cursor = db.execute(f'INSERT INTO "{table}" ({names}) VALUES ({", ".join("?" * len(values))})', list(values.values()))
    return cursor.lastrowid


def seed(path, n, now):
    """Inserts n articles (and their topics when the tables exist) in one transaction; returns the rows with their ids."""
    rows = articles(n, now)
    db = sqlite3.connect(path, isolation_level=None)
    try:
        render_version = db.execute("SELECT MAX(RenderVersion) FROM Articles").fetchone()[0]
        has_topics = columns(db, "Topics") and columns(db, "ArticleTopics")
        db.execute("BEGIN")
        topics = {}
        if has_topics:
            for (topic_id, culture) in db.execute("SELECT Id, Culture FROM Topics ORDER BY DisplayOrder, Id"):
                topics.setdefault(culture, []).append(topic_id)
            if not topics:
                for i, _ in enumerate(WORDS["en"]["topics"]):
                    for culture, words in WORDS.items():
                        name = words["topics"][i]
                        topics.setdefault(culture, []).append(insert(db, "Topics", {
                            "TranslationKey": f"bench-topic-{i}", "Culture": culture, "Name": name, "Slug": slugify(name),
                            "Description": "", "DisplayOrder": i, "UpdatedAt": now.strftime("%Y-%m-%d %H:%M:%S.%f") + "0"}))
        rng = random.Random(n)
        for row in rows:
            row["RenderVersion"] = render_version
            row["Id"] = insert(db, "Articles", row)
            if topics.get(row["Culture"]):
                pool = topics[row["Culture"]]
                chosen = {pool[row["_topic"] % len(pool)]} | set(rng.sample(pool, min(len(pool), rng.randint(0, 2))))
                for topic_id in chosen:
                    db.execute('INSERT INTO "ArticleTopics" ("ArticleId", "TopicId") VALUES (?, ?)', (row["Id"], topic_id))
        db.execute("COMMIT")
        db.execute("PRAGMA optimize")
    finally:
        db.close()
    return rows, bool(topics)


# ---------------------------------------------------------------------------------------------------------- the site

class Site:
    def __init__(self, args, name, database):
        self.args, self.name, self.database = args, name, database
        self.port = args.port
        self.log_path = os.path.join(args.work, f"{name}.log")
        self.process = None

    def start(self):
        """Starts the site; returns seconds from process start to the first 200 of /."""
        env = dict(os.environ, ConnectionStrings__Site=f"Data Source={self.database}",
                   Site__PublicBaseUrl=f"http://127.0.0.1:{self.port}")
        log_file = open(self.log_path, "w")
        started = time.perf_counter()
        self.process = subprocess.Popen(["dotnet", "PiriSite.Web.dll", "--urls", f"http://127.0.0.1:{self.port}"],
                                        cwd=self.args.site_dir, env=env, stdout=log_file, stderr=subprocess.STDOUT)
        log_file.close()
        with open(os.path.join(self.args.work, "site.pid"), "w") as pid_file:
            pid_file.write(str(self.process.pid))
        while time.perf_counter() - started < 300:
            if self.process.poll() is not None:
                raise SystemExit(f"The site stopped at start; its log:\n{open(self.log_path).read()}")
            try:
                status, _, _ = self.get("/", timeout=30)
                if status == 200:
                    return time.perf_counter() - started
            except OSError:
                pass
            time.sleep(0.02)
        raise SystemExit(f"The site did not answer / within 300 s; its log:\n{open(self.log_path).read()}")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def memory_mb(self, field="VmRSS"):
        with open(f"/proc/{self.process.pid}/status") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024
        return float("nan")

    def connection(self, timeout=60):
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)

    def get(self, path, headers=None, connection=None, timeout=60):
        own = connection is None
        connection = connection or self.connection(timeout)
        try:
            connection.request("GET", path, headers=headers or {})
            response = connection.getresponse()
            data = response.read()
            return response.status, response.headers, data
        finally:
            if own:
                connection.close()


def timed_get(site, path, headers=None, connection=None):
    started = time.perf_counter()
    status, response_headers, data = site.get(path, headers, connection)
    return status, response_headers, data, (time.perf_counter() - started) * 1000


def measure_indexes(site):
    """Each index: its size and time as first rendered, then the median of 5 repeats from the cache; and the size as Brotli."""
    results = {}
    connection = site.connection()
    for path in INDEXES:
        status, headers, data, first_ms = timed_get(site, path, connection=connection)
        if status != 200:
            results[path] = {"status": status}
            continue
        cached = []
        for _ in range(5):
            _, cached_headers, _, ms = timed_get(site, path, connection=connection)
            cached.append(ms)
        status_br, headers_br, data_br, first_br_ms = timed_get(site, path, BROWSER, connection)
        results[path] = {
            "status": status, "bytes": len(data), "first_ms": first_ms, "cached_ms": statistics.median(cached),
            "from_cache": cached_headers.get("Age") is not None,
            "br_bytes": len(data_br) if headers_br.get("Content-Encoding") == "br" else None, "br_first_ms": first_br_ms,
            "articles_listed": len(set(re.findall(rb'href="(?:/es/articulos|/fr/articles|/articles)/([a-z0-9-]+)"', data)) - {b"page"}),
        }
    connection.close()
    return results


def visit(site, paths, threads=2):
    """GETs every path once over keep-alive connections (two at a time: the machine has two cores); returns errors, seconds."""
    work = queue.Queue()
    for path in paths:
        work.put(path)
    errors = []

    def worker():
        connection = site.connection()
        while True:
            try:
                path = work.get_nowait()
            except queue.Empty:
                break
            try:
                status, _, _ = site.get(path, BROWSER, connection)
            except (OSError, http.client.HTTPException):
                connection.close()
                connection = site.connection()
                status, _, _ = site.get(path, BROWSER, connection)
            if status != 200:
                errors.append((path, status))
        connection.close()

    started = time.perf_counter()
    pool = [threading.Thread(target=worker) for _ in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    return errors, time.perf_counter() - started


# ---------------------------------------------------------------------------------------------------------- staff

class FormFields(html.parser.HTMLParser):
    """The fields of the form whose class names it (what a browser would post): inputs, checked boxes, textareas."""

    def __init__(self, form_class):
        super().__init__(convert_charrefs=True)
        self.form_class, self.inside, self.fields, self.textarea = form_class, False, [], None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and self.form_class in (a.get("class") or "").split():
            self.inside = True
        if not self.inside or not a.get("name"):
            return
        if tag == "input":
            kind = (a.get("type") or "text").lower()
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            if kind not in ("submit", "button", "file"):
                self.fields.append([a["name"], a.get("value") or ""])
        elif tag == "textarea":
            self.textarea = [a["name"], ""]
            self.fields.append(self.textarea)

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self.textarea is not None:
            # The browser drops one newline right after <textarea>; the parser keeps it.
            if self.textarea[1].startswith("\n"):
                self.textarea[1] = self.textarea[1][1:]
            self.textarea = None
        elif tag == "form":
            self.inside = False


class Staff:
    """A staff member's browser: cookies kept by hand (the sign-in cookie is Secure, which Python's jar withholds over http)."""

    def __init__(self, site):
        self.site, self.cookies = site, {}

    def request(self, method, path, form=None):
        connection = self.site.connection()
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        data = response.read().decode("utf-8", "replace")
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        connection.close()
        return response.status, response.getheader("Location"), data

    @staticmethod
    def token(page):
        return html.unescape(re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', page).group(1))

    @staticmethod
    def totp(key):
        key = key.replace(" ", "").upper()
        raw = base64.b32decode(key + "=" * (-len(key) % 8))
        digest = hmac.new(raw, struct.pack(">Q", int(time.time()) // 30), hashlib.sha1).digest()
        offset = digest[-1] & 0x0F
        return "%06d" % ((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1000000)

    def sign_in(self, email, password):
        _, _, page = self.request("GET", "/account/login")
        self.request("POST", "/account/login", {"__RequestVerificationToken": self.token(page), "Email": email,
                                                 "Password": password, "ReturnUrl": "/admin"})
        _, location, _ = self.request("GET", "/admin")
        if location and "two-factor" in location:
            _, _, setup = self.request("GET", "/account/two-factor")
            key = html.unescape(re.search(r'id="shared-key">([^<]+)<', setup).group(1))
            status, _, body = self.request("POST", "/account/two-factor", {"__RequestVerificationToken": self.token(setup), "Code": self.totp(key)})
            assert status == 200 and "recovery-codes" in body, f"two-factor set-up failed: {status}"
        status, location, _ = self.request("GET", "/admin")
        assert status == 200, f"sign-in failed: {status} {location}"

    def save_title(self, article_id, title):
        """Posts the editor's form as it stands with a new title; returns the seconds the save took (after its answer)."""
        _, _, page = self.request("GET", f"/admin/articles/{article_id}/edit")
        parser = FormFields("editor-form")
        parser.feed(page)
        fields = [(name, title if name == "Title" else value) for name, value in parser.fields]
        assert any(name == "Title" for name, _ in fields), "no Title field in the editor"
        if not any(name == "__RequestVerificationToken" for name, _ in fields):
            fields.append(("__RequestVerificationToken", self.token(page)))
        started = time.perf_counter()
        status, location, _ = self.request("POST", f"/admin/articles/{article_id}/edit", fields)
        answered = time.perf_counter()
        assert status == 302, f"the save answered {status} {location}"
        return answered, answered - started


def save_to_visible(site, staff, article, repetitions=3):
    """ms from the save's answer to the first anonymous GET of the article page showing the new title; and the saves' own ms."""
    path = ARTICLE_PREFIX[article["Culture"]] + article["Slug"]
    connection = site.connection()
    visible, saves = [], []
    for repetition in range(repetitions):
        # The page is in the cache before the save, as a read page would be.
        site.get(path, BROWSER, connection)
        site.get(path, connection=connection)
        title = f"Benchmark title {repetition + 1} {time.time_ns()}"
        answered, took = staff.save_title(article["Id"], title)
        while True:
            status, _, data = site.get(path, connection=connection)
            if status == 200 and title.encode() in data:
                visible.append((time.perf_counter() - answered) * 1000)
                break
            if time.perf_counter() - answered > 30:
                raise SystemExit(f"The new title was not on {path} 30 s after the save")
            time.sleep(0.002)
        saves.append(took * 1000)
    connection.close()
    return visible, saves


# ---------------------------------------------------------------------------------------------------------- report

def run(args, n, now):
    log(f"N = {n:,}: seeding...")
    database = os.path.join(args.work, f"articles-{n}.db")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(args.seed_db + suffix):
            shutil.copyfile(args.seed_db + suffix, database + suffix)
    seeding = time.perf_counter()
    rows, with_topics = seed(database, n, now)
    seed_seconds = time.perf_counter() - seeding
    body_kb = statistics.mean(len(r["BodyMarkdown"].encode()) for r in rows) / 1024
    html_kb = statistics.mean(len(r["BodyHtml"].encode()) for r in rows) / 1024
    log(f"  {n:,} articles ({sum(r['Culture'] == 'en' for r in rows):,} en, {sum(r['Culture'] == 'es' for r in rows):,} es, "
        f"{sum(r['Culture'] == 'fr' for r in rows):,} fr; Markdown {body_kb:.1f} KB, HTML {html_kb:.1f} KB on average; "
        f"topics: {'yes' if with_topics else 'no tables'}) in {seed_seconds:.1f} s; database {os.path.getsize(database) / 2**20:,.0f} MB")

    site = Site(args, f"site-{n}", database)
    result = {"load": open("/proc/loadavg").read().split()[0], "n": n, "rows": rows, "topics": with_topics, "body_kb": body_kb, "html_kb": html_kb,
              "db_mb": os.path.getsize(database) / 2**20}
    try:
        result["startup_s"] = site.start()
        result["rss_start"] = site.memory_mb()
        log(f"  first 200 of / after {result['startup_s']:.2f} s; resident {result['rss_start']:.0f} MB")
        result["indexes"] = measure_indexes(site)
        for path, figures in result["indexes"].items():
            if figures["status"] == 200:
                log(f"  {path}: {figures['bytes']:,} bytes, {figures['articles_listed']:,} articles listed, "
                    f"{figures['first_ms']:.0f} ms first, {figures['cached_ms']:.1f} ms cached")
            else:
                log(f"  {path}: HTTP {figures['status']}")

        rng = random.Random(2000)
        chosen = rng.sample(rows, min(args.visits, len(rows)))
        paths = [ARTICLE_PREFIX[r["Culture"]] + r["Slug"] for r in chosen]
        errors, seconds = visit(site, paths)
        if errors:
            raise SystemExit(f"{len(errors)} article pages did not answer 200, e.g. {errors[:3]}")
        result.update(visited=len(paths), visit_s=seconds, rss_visits=site.memory_mb(), rss_peak=site.memory_mb("VmHWM"))
        result["visited_by_culture"] = {c: sum(r["Culture"] == c for r in chosen) for c in ARTICLE_PREFIX}
        log(f"  visited {len(paths):,} article pages in {seconds:.1f} s; resident {result['rss_visits']:.0f} MB "
            f"(peak {result['rss_peak']:.0f} MB)")

        staff = Staff(site)
        staff.sign_in(args.email, args.password)
        newest_english = max((r for r in rows if r["Culture"] == "en"), key=lambda r: r["PublishedAt"])
        result["visible_ms"], result["save_ms"] = save_to_visible(site, staff, newest_english)
        result["rss_end"] = site.memory_mb()
        result["rss_peak"] = site.memory_mb("VmHWM")
        log(f"  save to visible: {', '.join(f'{ms:.0f}' for ms in result['visible_ms'])} ms (the saves took "
            f"{', '.join(f'{ms:.0f}' for ms in result['save_ms'])} ms); resident at the end {result['rss_end']:.0f} MB")
    finally:
        site.stop()
    if not args.keep_databases:
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(database + suffix):
                os.remove(database + suffix)
    return result


def verdict(ok):
    return "pass" if ok else "**FAIL**"


def report(args, results, load_before, load_after, started_at, cache_known):
    first = results[0]
    lines = []
    target_rows = []
    for r in results:
        idx = r["indexes"]
        en, es = idx["/articles"], idx["/es/articulos"]
        page2 = idx["/articles/page/2"]
        lines.append(
            f"| {r['n']:,} | {r['startup_s']:.2f} | {r['rss_start']:.0f} | {r['rss_visits']:.0f} ({r['visited']:,} pages) | "
            f"{en['bytes']:,} / {es['bytes']:,} | {en['first_ms']:.0f} / {en['cached_ms']:.1f} | {es['first_ms']:.0f} / {es['cached_ms']:.1f} | "
            + (f"{page2['bytes']:,} B, {page2['first_ms']:.0f} / {page2['cached_ms']:.1f}" if page2["status"] == 200 else f"HTTP {page2['status']}")
            + f" | {statistics.median(r['visible_ms']):.0f} (max {max(r['visible_ms']):.0f}) |")
    largest = results[-1]
    index_max = max(f["bytes"] for r in results for f in r["indexes"].values() if f["status"] == 200)
    visible_max = max(max(r["visible_ms"]) for r in results)
    startup_max = max(r["startup_s"] for r in results)
    growth = largest["rss_visits"] - first["rss_visits"]
    target_rows = [
        (f"Resident memory after the visits at {largest['n']:,} articles within 50 MB of the figure at {first['n']:,}",
         "memory growth ≤ 50 MB", f"{largest['rss_visits']:.0f} − {first['rss_visits']:.0f} = {growth:+.0f} MB", growth <= 50),
        ("Every index page under 60 KB (61,440 bytes of HTML)", "indexes < 60 KB", f"largest {index_max:,} bytes", index_max < 61_440),
        ("A save visible on the public page in under 1 s", "save visible < 1 s", f"slowest {visible_max:.0f} ms", visible_max < 1000),
        ("Start-up (process start to the first 200 of /) under 3 s", "start-up < 3 s", f"slowest {startup_max:.2f} s", startup_max < 3),
    ]
    if largest["n"] < 10_000:
        target_rows[0] = (target_rows[0][0] + f" (the issue's figure is at 10,000; this run stopped at {largest['n']:,})",) + target_rows[0][1:]

    details = []
    for r in results:
        idx = r["indexes"]
        brotli = " / ".join(f"{idx[p]['br_bytes']:,}" if idx[p].get("br_bytes") else "not compressed" for p in ("/articles", "/es/articulos"))
        details.append(
            f"| {r['n']:,} | {r['load']} | {sum(x['Culture'] == 'en' for x in r['rows']):,} / {sum(x['Culture'] == 'es' for x in r['rows']):,} / "
            f"{sum(x['Culture'] == 'fr' for x in r['rows']):,} | {r['body_kb']:.1f} / {r['html_kb']:.1f} | {r['db_mb']:,.0f} | "
            f"{'yes' if r['topics'] else 'no'} | {idx['/fr/articles']['bytes']:,} B, {idx['/fr/articles']['first_ms']:.0f} / {idx['/fr/articles']['cached_ms']:.1f} | "
            f"{brotli} | "
            f"{r['visited']:,} in {r['visit_s']:.1f} s ({r['visited'] / r['visit_s']:.0f}/s) | {r['rss_peak']:.0f} | "
            f"{', '.join(f'{ms:.0f}' for ms in r['save_ms'])} |")

    cache_note = (f"`OutputCache__SizeLimitMB={args.cache_mb}`" + ("" if cache_known else
                  " (passed, but this build does not read it: ASP.NET Core's output cache keeps its default limit of 100 MB)"))
    return target_rows, f"""# Content at scale

Made by `bench/content-scale.sh` on {started_at:%Y-%m-%d %H:%M} UTC, on this branch's build (`{args.revision}`): a Release
build (`dotnet publish -c Release`, Production settings, SQLite) on {os.cpu_count()} cores ({platform.system()} {platform.release()}),
load average {load_before} at the start and {load_after} at the end (other work on the machine shows here).
Page cache limit: {cache_note}.

| N articles | Start-up s | RSS after start MB | RSS after visits MB | Index bytes `/articles` / `/es/articulos` | `/articles` ms first / cached | `/es/articulos` ms first / cached | `/articles/page/2` | Save → visible ms (median of {len(first['visible_ms'])}) |
|---:|---:|---:|---:|---:|---:|---:|---|---:|
{chr(10).join(lines)}

## Targets (issue 18)

| Target | Measured | |
|---|---:|:---:|
{chr(10).join(f"| {name} | {measured} | {verdict(ok)} |" for name, _, measured, ok in target_rows)}

## Details

| N | Load at its start | en / es / fr | Markdown / HTML KB per body (mean) | Database MB | Topics | `/fr/articles` bytes, ms first / cached | Brotli bytes `/articles` / `/es/articulos` | Article pages visited | Peak RSS MB | The saves' own ms |
|---:|---:|---|---:|---:|:---:|---|---:|---|---:|---|
{chr(10).join(details)}

## How it is measured

- **Content.** Each N starts from its own copy of one database the site seeded (started once on an empty file, then
  stopped), into which N published articles are inserted in one transaction: Markdown bodies of 8–40 KB (triangular,
  mode 14 KB) with headings, lists, bold text and links, the HTML the site's renderer writes for them (ids on the
  headings, a table of contents) with its current `RenderVersion` (nothing is rendered at start), summaries of 150–300
  characters, unique slugs, publication dates spread over six years, about 60% of the English articles with Spanish
  and French translations sharing their `TranslationKey` and 20% with a Spanish one; 1–3 topics each when the `Topics`
  and `ArticleTopics` tables exist. The site's own three seeded articles are there too.
- **Start-up**: from starting `dotnet PiriSite.Web.dll` to the first 200 answer of `/` (polled every 20 ms).
  **RSS after start**: `VmRSS` of `/proc/PID/status` at that moment.
- **Indexes**: the first GET of the page (rendered; the catalogue was already loaded by `/`), then the median of 5 GETs
  from the output cache, over one keep-alive connection without compression; bytes are the HTML. The first render of
  `/articles` also pays for compiling the index's code (JIT), which `/es/articulos`, rendered next, does not. The Brotli column is
  the same page as a browser receives it. `/fr/articles` is measured too; `/articles/page/2` is reported when it answers 200.
- **Visits**: {args.visits:,} different article pages (all of them when N is smaller), chosen at random across the three
  languages, each GET once over two keep-alive connections with `Accept-Encoding: br, gzip`, then `VmRSS` again.
  Peak RSS is `VmHWM` at the end of the run (after the saves).
- **Save → visible**: a staff account made with `create-admin` signs in through the real pages (password, then the
  authenticator set-up, TOTP computed by the script); the newest English article's page is read (so it is in the
  cache), then its editor form is posted as it stands with a new title; the time runs from the save's answer (302)
  to the first anonymous GET of the public page showing the new title (polled every 2 ms), {len(first['visible_ms'])} times.
  The site has no way to learn of a change made directly in the database, so the save goes through the editor.
"""


SECTION_START, SECTION_END = "<!-- content-scale: written by bench/content-scale.py -->", "<!-- /content-scale -->"


def results_section(results, target_rows, started_at):
    """The short section of bench/RESULTS.md that points at the full report (bench/bench.py writes the rest of that file)."""
    rows = "\n".join(
        f"| {r['n']:,} | {r['startup_s']:.2f} | {r['rss_start']:.0f} | {r['rss_visits']:.0f} | {r['indexes']['/articles']['bytes']:,} | "
        f"{statistics.median(r['visible_ms']):.0f} |" for r in results)
    verdicts = "; ".join(f"{short} {verdict(ok)}" for _, short, _, ok in target_rows)
    return f"""{SECTION_START}
## Content at scale (issue 18)

`bench/content-scale.sh` (or `bench/run.sh content-scale`; not part of the run above) seeds N published articles in
three languages and measures the site on each; its last run ({started_at:%Y-%m-%d %H:%M} UTC) is in
[RESULTS-content-scale.md](RESULTS-content-scale.md), with the machine, the method and more figures.

| N articles | Start-up s | RSS after start MB | RSS after visits MB | `/articles` bytes | Save → visible ms |
|---:|---:|---:|---:|---:|---:|
{rows}

Targets: {verdicts}.
{SECTION_END}
"""


def update_results(path, section):
    text = open(path).read() if os.path.exists(path) else ""
    start, end = text.find(SECTION_START), text.find(SECTION_END)
    if start >= 0 and end > start:
        text = text[:start] + section + text[end + len(SECTION_END):].lstrip("\n")
    else:
        text = text.rstrip("\n") + "\n\n" + section
    with open(path, "w") as output:
        output.write(text)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--site-dir", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--seed-db", required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--email", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--visits", type=int, default=2000)
    parser.add_argument("--cache-mb", default="")
    parser.add_argument("--revision", default="")
    parser.add_argument("--output", required=True)
    parser.add_argument("--summary", help="bench/RESULTS.md: its content-scale section is written (or added)")
    parser.add_argument("--keep-databases", action="store_true")
    args = parser.parse_args()
    sizes = [int(s.replace("_", "")) for s in args.sizes.replace(" ", ",").split(",") if s]
    started_at = datetime.datetime.now(datetime.timezone.utc)
    load_before = " ".join(open("/proc/loadavg").read().split()[:3])
    cache_known = b"SizeLimitMB" in open(os.path.join(args.site_dir, "PiriSite.Web.dll"), "rb").read()
    now = datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None)
    results = [run(args, n, now) for n in sizes]
    load_after = " ".join(open("/proc/loadavg").read().split()[:3])
    target_rows, text = report(args, results, load_before, load_after, started_at, cache_known)
    with open(args.output, "w") as output:
        output.write(text)
    if args.summary:
        update_results(args.summary, results_section(results, target_rows, started_at))
    print(text)


if __name__ == "__main__":
    main()
