# A read-only replica: the app plus the store for the content it was built with.
# Build:  docker build -t microbiomepain .
# Run:    docker run --rm -p 8080:8080 -e Site__BaseUrl=https://example.org microbiomepain
# Not built on the machine this was written on (it has no Docker engine); every step below was run there by
# hand instead: the same publish, the same build-store, and the app serving as a non-root user from a store
# folder it cannot write (see "Containers" in docs/performance.md).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG TARGETARCH
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/MicrobiomePain.Web/MicrobiomePain.Web.csproj src/MicrobiomePain.Web/
COPY src/MicrobiomePain.Build/MicrobiomePain.Build.csproj src/MicrobiomePain.Build/
# Platform-specific, so the projects publish ReadyToRun (faster cold start); TARGETARCH is amd64 or arm64.
RUN dotnet restore src/MicrobiomePain.Build/MicrobiomePain.Build.csproj -a $TARGETARCH
COPY src/ src/
RUN dotnet publish src/MicrobiomePain.Web -c Release -a $TARGETARCH --self-contained false --no-restore -o /app
# The batch build tool (the app's commands with batch runtime settings; src/MicrobiomePain.Build) stays in this stage.
RUN dotnet publish src/MicrobiomePain.Build -c Release -a $TARGETARCH --self-contained false --no-restore -o /build
COPY content/ /content/
# The store is built once, here: every container from this image serves the identical, immutable file, so
# replicas need no coordination and start without a rebuild. Invalid content fails the image build
# (file:line:col on the build log), so a broken commit never becomes an image.
RUN dotnet /build/MicrobiomePain.Build.dll build-store /content /store

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app ./
COPY --from=build /content /content
COPY --from=build /store /store
ENV Store__ContentPath=/content \
    Store__StoreDirectory=/store \
    ASPNETCORE_HTTP_PORTS=8080
# The image's non-root user; /store stays owned by root, so the store is read-only to the app.
USER $APP_UID
EXPOSE 8080
# Liveness for an orchestrator: GET /healthz (status, content version, claim count).
ENTRYPOINT ["dotnet", "MicrobiomePain.Web.dll"]
