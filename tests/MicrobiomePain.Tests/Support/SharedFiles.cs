namespace MicrobiomePain.Tests.Support;

/// <summary>
/// The project's shared folder (the article, the expert-coded data sets), kept outside the repository on purpose: the
/// data sets may not be copied in. Found from <c>MICROBIOMEPAIN_SHARED</c>, else a <c>shared/</c> folder beside the
/// repository (the usual checkout), else <c>/work/shared</c> (a fresh clone in a temporary folder on this machine).
/// Missing files fail the test that needs them: a check that cannot read its data is not a pass.
/// </summary>
public static class SharedFiles
{
    public static string Directory { get; } = Find();

    /// <summary>The full path of a file under the shared folder, e.g. <c>Path("data", "insciout_train.jsonl")</c>.</summary>
    public static string Path(params string[] parts)
    {
        var path = System.IO.Path.Combine([Directory, .. parts]);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"shared file not found: {path} (set MICROBIOMEPAIN_SHARED to the shared folder)", path);
        }

        return path;
    }

    private static string Find()
    {
        if (Environment.GetEnvironmentVariable("MICROBIOMEPAIN_SHARED") is { Length: > 0 } set)
        {
            return set;
        }

        var repository = System.IO.Path.GetDirectoryName(TestContent.Shipped())!;
        var beside = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(repository)!, "shared");
        return System.IO.Directory.Exists(beside) ? beside : "/work/shared";
    }
}
