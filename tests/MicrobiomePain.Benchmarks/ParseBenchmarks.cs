using BenchmarkDotNet.Attributes;
using MicrobiomePain.Web.Content;
using MicrobiomePain.Web.Commands;

namespace MicrobiomePain.Benchmarks;

/// <summary>Parsing one real claim file (front matter, Markdown sections, rendering), as ContentReader does per file.</summary>
[MemoryDiagnoser]
public class ParseBenchmarks
{
    // A shipped claim with every section, two conditions and several sources: a typical file, not the shortest.
    private const string ClaimFile = "probiotics-reverse-pain-adult-animals.md";

    private string _path = "";
    private string _text = "";

    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(AppCommands.ShippedContent(), "claims", ClaimFile);
        _text = File.ReadAllText(_path);
        var bag = new DiagnosticBag(_path);
        if (ClaimParser.Parse(_path, _text, bag) is null || bag.Items.Any(d => d.IsError))
        {
            throw new InvalidOperationException($"{_path} does not parse cleanly: {string.Join("; ", bag.Items)}");
        }
    }

    [Benchmark]
    public ClaimDocument? ParseClaim() => ClaimParser.Parse(_path, _text, new DiagnosticBag(_path));
}
