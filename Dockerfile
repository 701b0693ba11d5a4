# The handbook as a small, non-root web server image: built on Node 24, served by nginx.
#   docker build -t handbook --build-arg HANDBOOK_SITE=https://handbook.example.org .
#   docker run --rm -p 8080:8080 handbook        # then open http://localhost:8080/
# The site is served at the root path; deploy/nginx.conf is the server's whole configuration.

FROM node:24-bookworm-slim AS build
# git gives every page its "Updated" date from the history (.git is part of the build context).
RUN apt-get update \
 && apt-get install -y --no-install-recommends git ca-certificates \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
ENV ASTRO_TELEMETRY_DISABLED=1
# Dependencies first, so a content change does not reinstall them; npm ci applies patches/ after installing.
COPY package.json package-lock.json ./
COPY patches ./patches
RUN npm ci --no-audit --no-fund --loglevel=error
COPY . .
# Public origin (canonical URLs, sitemap) and repository ("Edit this page"); both optional.
ARG HANDBOOK_SITE
ARG HANDBOOK_REPO_URL
ARG HANDBOOK_TITLE
RUN npm run build \
 && npm run nginx-csp -- dist deploy/csp-header.conf

FROM nginxinc/nginx-unprivileged:1.30.4-alpine-slim AS serve
COPY deploy/nginx.conf /etc/nginx/nginx.conf
COPY --from=build /src/deploy/csp-header.conf /etc/nginx/csp-header.conf
# Owned by root and read-only to the server, which runs as the image's unprivileged user.
COPY --from=build /src/dist /usr/share/nginx/html
USER 101
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s --start-period=5s --retries=3 \
  CMD wget -q -O /dev/null http://127.0.0.1:8080/ || exit 1
