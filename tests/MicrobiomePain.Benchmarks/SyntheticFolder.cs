using MicrobiomePain.Web.Commands;

namespace MicrobiomePain.Benchmarks;

/// <summary>
/// A temporary folder holding N generated claims (the app's own generator). Not IDisposable: benchmarks own it from
/// [GlobalSetup] to [GlobalCleanup], which calls <see cref="Delete"/>.
/// </summary>
public sealed class SyntheticFolder
{
    public SyntheticFolder(int claims)
    {
        Root = Path.Combine(Path.GetTempPath(), $"microbiomepain-bench-{Guid.NewGuid():N}");
        SyntheticContent.Write(claims, Content, TextWriter.Null);
    }

    public string Root { get; }

    public string Content => Path.Combine(Root, "content");

    /// <summary>A new, not yet existing store folder inside the temporary folder.</summary>
    public string NewStoreDirectory() => Path.Combine(Root, $"store-{Guid.NewGuid():N}");

    public void Delete()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
