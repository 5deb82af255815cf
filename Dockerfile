# The site in a container. docker-compose.yml runs two of them on PostgreSQL and Redis behind nginx (README, Docker).
# Alone, the image defaults to SQLite: database, data-protection keys and unsent-mail files on the /data volume.
# Site__PublicBaseUrl is required at run time (the site refuses to start without it); X-Forwarded-* headers are
# believed only from ForwardedHeaders__KnownProxies__N / ForwardedHeaders__KnownNetworks__N (see docker-compose.yml).

FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# The image's own architecture (amd64, arm64): the site is compiled ahead of time for it (Web.csproj, PublishReadyToRun).
ARG TARGETARCH
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Domain/Domain.csproj src/Domain/
COPY src/Data/Data.csproj src/Data/
COPY src/Web/Web.csproj src/Web/
RUN dotnet restore src/Web/Web.csproj -a $TARGETARCH
COPY src/ src/
RUN dotnet publish src/Web/Web.csproj --configuration Release -a $TARGETARCH --no-restore --output /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# pg_dump and pg_restore, for the backup and restore commands and the daily backup on PostgreSQL. This image is
# Ubuntu 24.04, whose client is PostgreSQL 16: it backs up servers up to 16 (for a newer server, install that
# version's client from apt.postgresql.org instead). curl: docker-compose.yml's health check asks /healthz with it.
RUN apt-get update \
    && apt-get install -y --no-install-recommends postgresql-client curl \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
# The image's non-root "app" user must own the volumes' mount points so a new named volume is writable
# (/backups: for Backup__Folder, best a volume on another disk than /data).
RUN mkdir -p /data/keys /data/mail /data/media /backups && chown -R app:app /data /backups
ENV ASPNETCORE_HTTP_PORTS=8080 \
    ConnectionStrings__Site="Data Source=/data/pirisite.db" \
    Site__DataProtectionKeysPath=/data/keys \
    Mail__PickupDirectory=/data/mail \
    Site__MediaPath=/data/media
VOLUME /data
USER app
EXPOSE 8080
ENTRYPOINT ["dotnet", "PiriSite.Web.dll"]
