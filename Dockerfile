# One image for both processes: the API (default CMD) and the worker (`node dist/src/worker.js`).

# ---- build: compile TypeScript to dist/ ----
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build

# ---- runtime: production dependencies and the compiled output only ----
FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force
COPY --from=build /app/dist ./dist
# The dashboard page (/dashboard): static files served by the API.
COPY --from=build /app/public ./public
# Writable only for the embedded default (no DATABASE_URL): PostgreSQL data and the generated JWT secret.
RUN mkdir -p .data/files && chown -R node:node .data
USER node
EXPOSE 3000
STOPSIGNAL SIGTERM
CMD ["node", "dist/src/main.js"]
