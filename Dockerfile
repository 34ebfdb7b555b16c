# The production shape: compiled server, production dependencies only.
# Node: the current LTS line (package.json "engines" lists the supported lines;
# test/platform/deployment.test.ts keeps the two in step).
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# install scripts run as package.json "allowScripts" permits (argon2, the PostgreSQL binaries, swc)
RUN npm ci --no-audit --no-fund
# the server build (tsconfig.build.json: server/ and migrations/; server/demo/ is part of server/)
COPY tsconfig.json tsconfig.build.json ./
COPY server ./server
COPY migrations ./migrations
# the console: a static bundle in admin/dist (its build tools are dev dependencies)
COPY admin ./admin
RUN npm run build && npm run build:admin && npm prune --omit=dev --no-audit --no-fund

FROM node:24-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000 DATA_DIR=/data
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/admin/dist ./admin/dist
COPY --from=build /app/package.json ./package.json
# read at run time: each tenant's initial policy (POLICY_DIR)
COPY tenants ./tenants
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --retries=5 CMD node -e "fetch('http://127.0.0.1:4000/readyz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "dist/server/main.js"]
