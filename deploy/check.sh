#!/usr/bin/env bash
# Checks docker-compose.yml and deploy/nginx/nginx.conf without a Docker engine (none runs on the development machines):
#   1. the compose file parses (python3 yaml) and holds the topology README describes: both instances from one
#      anchor with their own Site__InstanceName, health checks, named volumes, the trusted network = the edge subnet,
#      every required ${VARIABLE:?} listed in .env.example;
#   2. nginx -t on a loopback copy of the nginx config (deploy/nginx/loopback.py) with a throwaway self-signed certificate.
# Usage: deploy/check.sh   (installs python3-yaml and nginx-light from Debian when missing)
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
python3 -c 'import yaml' 2>/dev/null || need+=(python3-yaml)
command -v nginx >/dev/null || need+=(nginx-light)
if [ ${#need[@]} -gt 0 ]; then
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

python3 - <<'PYTHON'
import ipaddress, re, sys, yaml

text = open("docker-compose.yml").read()
compose = yaml.safe_load(text)
services = compose["services"]
problems = []
def check(condition, message):
    if not condition:
        problems.append(message)

check(set(services) == {"web-a", "web-b", "proxy", "db", "redis"}, f"services: {sorted(services)}")
names = []
for name in ("web-a", "web-b"):
    web = services[name]
    env = web["environment"]
    names.append(env.get("Site__InstanceName"))
    check(env.get("Site__InstanceName") == name, f"{name}: Site__InstanceName is {env.get('Site__InstanceName')}")
    check(env.get("Database__Provider") == "Postgres", f"{name}: not on PostgreSQL")
    check(env.get("Redis__Configuration") == "redis:6379", f"{name}: no Redis")
    check(env.get("Media__Store") == "Database", f"{name}: media not in the database")
    check("/healthz" in " ".join(web["healthcheck"]["test"]), f"{name}: no /healthz health check")
    check("ports" not in web, f"{name}: publishes ports (only the proxy may)")
    subnet = compose["networks"]["edge"]["ipam"]["config"][0]["subnet"]
    check(ipaddress.ip_network(env["ForwardedHeaders__KnownNetworks__0"]) == ipaddress.ip_network(subnet),
          f"{name}: trusted network is not the edge subnet {subnet}")
    check(web["depends_on"]["db"]["condition"] == "service_healthy", f"{name}: starts before the database is ready")
check(len(set(names)) == 2, "the instances share a name")
check(services["web-a"]["image"] == services["web-b"]["image"], "the instances run different images")
check("pg_isready" in " ".join(services["db"]["healthcheck"]["test"]), "db: no pg_isready health check")
check("ping" in " ".join(services["redis"]["healthcheck"]["test"]), "redis: no ping health check")
check(re.match(r"postgres:16\b", services["db"]["image"]) is not None, "db: not PostgreSQL 16 (the image's pg_dump)")
check(re.match(r"redis:7\b", services["redis"]["image"]) is not None, "redis: not Redis 7")
check(sorted(services["proxy"]["ports"]) == ["443:443", "80:80"], "proxy: not on 80 and 443")
check("postgres-data" in compose["volumes"], "no named volume for the database")
check(any(v.startswith("postgres-data:") for v in services["db"]["volumes"]), "db: data not on its named volume")

required = set(re.findall(r"\$\{([A-Z_]+):\?", text))
example = {line.split("=", 1)[0] for line in open(".env.example") if re.match(r"^[A-Z_]+=", line)}
used = set(re.findall(r"\$\{([A-Z_]+)(?::[-?])", text))
check(required <= example, f".env.example lacks {sorted(required - example)}")
check(used <= example, f".env.example lacks {sorted(used - example)}")

if problems:
    print("docker-compose.yml:", *problems, sep="\n  ", file=sys.stderr)
    sys.exit(1)
print(f"docker-compose.yml: parses; {len(services)} services, {len(required)} required settings, all in .env.example")
PYTHON

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=www.example.com" \
  -keyout "$work/privkey.pem" -out "$work/fullchain.pem" 2>/dev/null
python3 deploy/nginx/loopback.py --upstream 127.0.0.1:5301 --upstream 127.0.0.1:5302 --http-port 8080 \
  --https-port 8443 --cert "$work/fullchain.pem" --key "$work/privkey.pem" \
  --access-log "$work/access.log" --pid "$work/nginx.pid" >"$work/nginx.conf"
nginx -t -q -c "$work/nginx.conf" -e "$work/error.log"
echo "deploy/nginx/nginx.conf: nginx -t passes on its loopback copy"
