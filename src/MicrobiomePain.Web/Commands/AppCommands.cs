using System.Globalization;
using MicrobiomePain.Web.Content;
using MicrobiomePain.Web.Store;
using Microsoft.Extensions.Configuration;

namespace MicrobiomePain.Web.Commands;

/// <summary>
/// Commands the app runs instead of serving: `dotnet run --project src/MicrobiomePain.Web -- validate [content-dir]`.
/// Dispatch lives here so adding a command is one line.
/// </summary>
public static class AppCommands
{
    /// <summary>Runs a command named by the first argument and returns its exit code, or null to serve.</summary>
    public static int? TryRun(string[] args, TextWriter output) => args switch
    {
        ["validate", .. var rest] => Validate(rest.FirstOrDefault(), output),
        ["generate", var count, var directory] when int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            => Generate(n, directory, output),
        ["build-store", var content, var store] => BuildStore(content, store, output),
        ["grades", .. var dir] when dir.Length <= 1 => GradeReport.Write(dir.FirstOrDefault() ?? ShippedContent(), output),

        // A command name with the wrong arguments is a mistake to report, not a request to start serving.
        ["generate", ..] => Usage("generate <count> <dir>   (count: a whole number above 0)", output),
        ["build-store", ..] => Usage("build-store <content-dir> <store-dir>", output),
        _ => null,
    };

    /// <summary>
    /// The repository's content folder: Store:ContentPath when the environment sets it (Store__ContentPath, bound the way
    /// the server binds <see cref="StoreOptions"/>), else a "content" folder found above the working directory or the
    /// app's own folder.
    /// </summary>
    public static string ShippedContent() =>
        StoreOptions.ResolveContentPath(
            new ConfigurationBuilder().AddEnvironmentVariables().Build().GetSection(StoreOptions.Section).Get<StoreOptions>()?.ContentPath,
            Environment.CurrentDirectory,
            AppContext.BaseDirectory);

    /// <summary>
    /// Writes synthetic content (<see cref="SyntheticContent"/>), taking the evidence levels and conditions from the
    /// shipped content; when that cannot be found (e.g. a published app run outside the repository), says so and where to
    /// point it, in one line, exit 1.
    /// </summary>
    public static int Generate(int count, string directory, TextWriter output)
    {
        string template;
        try
        {
            template = ShippedContent();
        }
        catch (InvalidOperationException ex)
        {
            output.WriteLine($"error: {ex.Message}");
            return 1;
        }

        if (SyntheticContent.TemplateFiles.Select(f => Path.Combine(template, f)).FirstOrDefault(f => !File.Exists(f)) is { } missing)
        {
            output.WriteLine($"error: {missing} not found; generate copies the evidence levels and conditions from the content folder (set Store__ContentPath to it).");
            return 1;
        }

        return SyntheticContent.Write(count, directory, template, output);
    }

    private static int Usage(string command, TextWriter output)
    {
        output.WriteLine($"usage: {command}");
        return 2;
    }

    /// <summary>Reads, checks and writes a store, then exits (for timing ingest): reuses an existing store for unchanged content.</summary>
    public static int BuildStore(string content, string store, TextWriter output)
    {
        var claimStore = new ClaimStore(Path.GetFullPath(content), Path.GetFullPath(store), Microsoft.Extensions.Logging.Abstractions.NullLogger<ClaimStore>.Instance);
        try
        {
            var version = claimStore.Refresh();
            output.WriteLine($"store {version.Path} ({new FileInfo(version.Path).Length} bytes)");
            return 0;
        }
        catch (ContentInvalidException ex)
        {
            foreach (var d in ex.Diagnostics)
            {
                output.WriteLine(d);
            }

            return 1;
        }
    }

    /// <summary>Checks content without serving or writing a store: one line per problem, a summary, exit 0 or 1.</summary>
    public static int Validate(string? contentDirectory, TextWriter output)
    {
        string root;
        try
        {
            // `dotnet run --project …` starts the app in the project folder; a relative path the author typed is
            // meant relative to their shell's folder, which the shell passes on as PWD.
            var shell = Environment.GetEnvironmentVariable("PWD") is { Length: > 0 } pwd && Directory.Exists(pwd) ? pwd : Environment.CurrentDirectory;
            if (contentDirectory is not null && !Path.IsPathRooted(contentDirectory))
            {
                contentDirectory = Path.Combine(shell, contentDirectory);
            }

            root = StoreOptions.ResolveContentPath(contentDirectory, shell, Environment.CurrentDirectory, AppContext.BaseDirectory);
        }
        catch (InvalidOperationException ex)
        {
            output.WriteLine($"error: {ex.Message}");
            return 1;
        }

        var result = ContentReader.Read(root);
        foreach (var diagnostic in result.Diagnostics.OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column))
        {
            output.WriteLine(diagnostic);
        }

        var errors = result.Diagnostics.Count(d => d.IsError);
        var warnings = result.Diagnostics.Count - errors;
        var claims = result.Content?.Claims.Count;
        output.WriteLine(errors == 0
            ? $"{ContentText.Display(root)}: ok, {claims} claims, {warnings} warning(s)."
            : $"{ContentText.Display(root)}: {errors} error(s), {warnings} warning(s).");
        return errors == 0 ? 0 : 1;
    }
}
