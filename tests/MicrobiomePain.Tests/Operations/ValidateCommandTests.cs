using MicrobiomePain.Tests.Support;
using MicrobiomePain.Web.Commands;

namespace MicrobiomePain.Tests.Operations;

/// <summary>`validate`: every kind of authoring mistake the issue names, reported as file:line:col: severity: message.</summary>
public sealed class ValidateCommandTests
{
    private static (int Code, string Output) Validate(string root)
    {
        using var output = new StringWriter();
        var code = AppCommands.Validate(root, output);
        return (code, output.ToString());
    }

    private static string Claim(string slug) => Path.Combine("claims", slug + ".md");

    public static TheoryData<string, string, string, string> Mistakes => new()
    {
        // case, file to write (relative), text replacing/added, expected message fragment
        { "malformed YAML", Claim("one"), "title: [unclosed", "malformed YAML" },
        { "unknown key (typo)", Claim("one"), "condtions: [fibromyalgia]", "unknown key 'condtions'" },
        { "missing required field", Claim("one"), "-evidence", "missing required field 'evidence'" },
        { "wrong type", Claim("one"), "title: [a, b]", "'title' must be a single text value" },
        { "bad date", Claim("one"), "reviewed: yesterday", "must be a date written as YYYY-MM-DD" },
        { "unknown condition", Claim("one"), "conditions: [migraine]", "unknown condition 'migraine'" },
        { "unknown level", Claim("one"), "evidence: proven", "unknown evidence level 'proven'" },
        { "unknown source", Claim("one"), "sources: [nobody-1999]", "unknown source 'nobody-1999'" },
        { "duplicate id", Claim("two"), "id: C1", "id 'C1' is already used" },
        { "duplicate alias", Claim("two"), "aliases: [one]", "alias 'one' collides" },
        { "javascript link", Claim("one"), "body:See [x](javascript:alert(1)).", "is not allowed; use an https:// address" },
        { "raw HTML", Claim("one"), "body:Some <b>bold</b> text.", "raw HTML '<b>' is not allowed" },
        { "broken claim reference", Claim("one"), "body:As [[claim:no-such-claim]] says.", "[[claim:no-such-claim]] names no claim" },
        { "reference by an old slug", Claim("two"), "body:As [[claim:first]] says.", "[[claim:first]] uses an old slug; write [[claim:one]]" },
        { "broken reference on a page", Path.Combine("pages", "about.md"), "---\ntitle: About\ndescription: What this is.\npath: /about\n---\nSee [[claim:nope]].\n", "[[claim:nope]] names no claim" },
        { "page without a path", Path.Combine("pages", "about.md"), "---\ntitle: About\ndescription: What this is.\n---\nText.\n", "missing required field 'path'" },
        { "page path without a slash", Path.Combine("pages", "about.md"), "---\ntitle: About\ndescription: What this is.\npath: about\n---\nText.\n", "'path' starts with '/'" },
        { "page path the app answers", Path.Combine("pages", "about.md"), "---\ntitle: About\ndescription: What this is.\npath: /claims/about\n---\nText.\n", "is an address the app answers itself (/claims/{slug})" },
        { "page without a description", Path.Combine("pages", "about.md"), "---\ntitle: About\npath: /about\n---\nText.\n", "missing required field 'description'" },
        { "file name that is not a slug", Claim("Three Words"), "copy:one", "file name 'Three Words' is not a valid slug" },
        { "empty caveat", Claim("one"), "caveat:-", "this caveat is empty" },
        { "malformed DOI", "sources.yml", "doi: 10.1000/a.1=>doi: doi:10.1000/a.1", "doi 'doi:10.1000/a.1' is malformed" },
        { "malformed PMID", "sources.yml", "pmid: \"12345\"=>pmid: \"PMID12345\"", "pmid 'PMID12345' is malformed" },
        { "javascript url in a source", "sources.yml", "verified: verified=>url: javascript:alert(1)\n  verified: verified", "must be an absolute http(s) address" },
        { "empty file", Claim("three"), "", "the file is empty." },
        { "not UTF-8", Claim("four"), "latin1", "not valid UTF-8" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void Each_mistake_is_one_positioned_error_and_exit_code_1(string mistake, string file, string change, string expected)
    {
        var root = TestContent.Create([new TestClaim(1, "one", Aliases: ["first"]), new TestClaim(2, "two")]);
        Apply(root, file, change);

        var (code, output) = Validate(root);

        Assert.True(code == 1, $"{mistake}: expected exit code 1\n{output}");
        var line = Assert.Single(output.Split('\n'), l => l.Contains(": error: ", StringComparison.Ordinal));
        Assert.Matches(@"^.+:\d+:\d+: error: ", line);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.Contains("1 error(s)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Valid_content_exits_0_with_a_summary()
    {
        var (code, output) = Validate(TestContent.Create([new TestClaim(1, "one")]));

        Assert.Equal(0, code);
        Assert.EndsWith("ok, 1 claims, 0 warning(s).", output.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_content_validates() => Assert.Equal(0, Validate(TestContent.Shipped()).Code);

    [Fact]
    public void A_missing_directory_is_one_clear_error()
    {
        var (code, output) = Validate("/nonexistent/content");

        Assert.Equal(1, code);
        Assert.Contains("does not exist", output, StringComparison.Ordinal);
    }

    private static void Apply(string root, string file, string change)
    {
        var path = Path.Combine(root, file);
        if (change == "latin1")
        {
            File.WriteAllBytes(path, [0x2D, 0x2D, 0x2D, 0x0A, 0xE9, 0x0A]);
            return;
        }

        if (change.StartsWith("copy:", StringComparison.Ordinal))
        {
            File.WriteAllText(path, File.ReadAllText(Path.Combine(root, Claim(change[5..]))).Replace("id: C1", "id: C3", StringComparison.Ordinal));
            return;
        }

        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, change);
            return;
        }

        var text = File.ReadAllText(path);
        text = change switch
        {
            _ when change.StartsWith("body:", StringComparison.Ordinal) => text.Replace("What study A did.", change[5..], StringComparison.Ordinal),
            "caveat:-" => text.Replace("- Second caveat.", "-", StringComparison.Ordinal),
            "-evidence" => string.Join('\n', text.Split('\n').Where(l => !l.StartsWith("evidence:", StringComparison.Ordinal))),
            _ when change.Contains("=>", StringComparison.Ordinal) => ReplaceFirst(text, change.Split("=>")[0], change.Split("=>")[1]),
            _ => ReplaceKey(text, change),
        };
        File.WriteAllText(path, text);
    }

    private static string ReplaceFirst(string text, string from, string to)
    {
        var i = text.IndexOf(from, StringComparison.Ordinal);
        Assert.True(i >= 0, $"'{from}' not in the file");
        return text[..i] + to + text[(i + from.Length)..];
    }

    /// <summary>Replaces the front-matter line with the same key, or adds the line after the id.</summary>
    private static string ReplaceKey(string text, string line)
    {
        var key = line.Split(':')[0];
        var lines = text.Split('\n').ToList();
        var existing = lines.FindIndex(l => l.StartsWith(key + ":", StringComparison.Ordinal));
        if (existing >= 0)
        {
            lines[existing] = line;
        }
        else
        {
            lines.Insert(2, line);
        }

        return string.Join('\n', lines);
    }
}
