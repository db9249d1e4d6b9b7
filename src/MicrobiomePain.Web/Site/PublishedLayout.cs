namespace MicrobiomePain.Web.Site;

/// <summary>
/// Where a published app's files are, wherever it is started from. ASP.NET Core's default content root is the working
/// directory, so `dotnet /srv/app/MicrobiomePain.Web.dll` started from anywhere else (a shell elsewhere, a systemd unit
/// without WorkingDirectory) read no appsettings.json and had no wwwroot: MapStaticAssets still answered every
/// fingerprinted stylesheet and script with headers from its manifest and an empty 200 body, so the site was served
/// unstyled and without errors. A publish has its wwwroot next to the dll; then that folder is the content root.
/// </summary>
public static class PublishedLayout
{
    /// <summary>
    /// The app's own folder when it is a publish started from another folder; null (the framework's default) when the
    /// working directory has a wwwroot, when there is no published wwwroot (`dotnet run`, the build output: static web
    /// assets come from the manifest there), or when the operator chose a content root (--contentRoot,
    /// ASPNETCORE_CONTENTROOT or DOTNET_CONTENTROOT), which always wins.
    /// </summary>
    public static string? ContentRoot(string[] args, string baseDirectory, string workingDirectory)
    {
        var chosen = args.Any(a => a.TrimStart('-', '/').StartsWith("contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"));
        var published = Directory.Exists(Path.Combine(baseDirectory, "wwwroot"));
        var here = Directory.Exists(Path.Combine(workingDirectory, "wwwroot"));
        return !chosen && published && !here ? baseDirectory : null;
    }
}
