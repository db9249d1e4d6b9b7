using MicrobiomePain.Tests.Support;
using MicrobiomePain.Web.Claims;
using MicrobiomePain.Web.Content;

namespace MicrobiomePain.Tests.Content;

/// <summary>content/vocabulary.yml is checked like every content file: each problem at its file, line and column.</summary>
public sealed class SearchVocabularyTests
{
    private static (List<SynonymSet> Sets, List<string> Diagnostics) Parse(string yaml)
    {
        var bag = new DiagnosticBag("vocabulary.yml");
        var sets = SearchVocabularyParser.Parse(yaml, bag);
        return (sets, bag.Items.Select(d => d.ToString()).ToList());
    }

    [Fact]
    public void A_valid_vocabulary_reads_its_sets_with_each_terms_words()
    {
        var (sets, diagnostics) = Parse("- terms: [FMT, faecal microbiota transplant]\n  note: the abbreviation\n- terms: [fibre, fiber]\n");

        Assert.Empty(diagnostics);
        Assert.Equal(2, sets.Count);
        Assert.Equal(["fmt", "faecal microbiota transplant"], sets[0].Words.Select(w => string.Join(' ', w)));
        Assert.Equal("the abbreviation", sets[0].Note);
    }

    [Fact]
    public void An_unknown_key_is_reported_at_its_line_and_column_with_the_known_keys()
    {
        var (_, diagnostics) = Parse("- terms: [fibre, fiber]\n  notes: typo\n");

        Assert.Contains(diagnostics, d => d.StartsWith("vocabulary.yml:2:3: error: unknown key 'notes'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_term_listed_twice_is_reported_where_it_is_repeated_naming_the_first_line()
    {
        var (_, diagnostics) = Parse("- terms: [faecal, fecal]\n- terms: [stool, Faecal]\n- terms: [short-chain fatty acid, short chain fatty acid, SCFA]\n");

        Assert.Contains(diagnostics, d => d.StartsWith("vocabulary.yml:2:18: error: the term 'Faecal' is already listed at line 1", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.StartsWith("vocabulary.yml:3:35: error: the term 'short chain fatty acid' is already listed at line 3", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("- terms: [fibre, '']\n", "vocabulary.yml:1:18: error: each entry of 'terms' must be a plain value.")]
    [InlineData("- terms: [fibre, '  ']\n", "vocabulary.yml:1:18: error: a term is empty")]
    [InlineData("- terms: [fibre]\n", "vocabulary.yml:1:3: error: a set needs at least two terms")]
    [InlineData("- terms: []\n", "vocabulary.yml:1:10: error: 'terms' is empty")]
    [InlineData("- note: no terms\n", "vocabulary.yml:1:3: error: missing required field 'terms'")]
    [InlineData("- terms: [fibre, \"fib*re\"]\n", "vocabulary.yml:1:18: error: the term 'fib*re' may hold only letters and digits")]
    [InlineData("", "vocabulary.yml:1:1: error: the file is empty")]
    public void Empty_or_malformed_entries_are_reported_at_their_position(string yaml, string expected)
    {
        var (_, diagnostics) = Parse(yaml);

        Assert.Contains(diagnostics, d => d.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void A_content_folder_with_a_broken_vocabulary_builds_no_store_and_says_where()
    {
        var content = TestContent.CopyOfShipped();
        File.AppendAllText(Path.Combine(content, SearchVocabularyParser.FileName), "- terms: [fibre, fibre]\n");

        var result = ContentReader.Read(content);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.IsError && d.File.EndsWith("vocabulary.yml", StringComparison.Ordinal) && d.Message.Contains("already listed", StringComparison.Ordinal));
    }

    [Fact]
    public void The_vocabulary_is_part_of_the_content_hash()
    {
        var content = TestContent.CopyOfShipped();
        var before = ContentHash.Of(content);
        File.AppendAllText(Path.Combine(content, SearchVocabularyParser.FileName), "- terms: [zebra, quagga]\n");

        Assert.NotEqual(before, ContentHash.Of(content));
    }

    [Fact]
    public void The_shipped_vocabulary_reads_and_covers_the_issues_examples()
    {
        var sets = ContentReader.Read(TestContent.Shipped()).Content!.Vocabulary;
        bool Together(string a, string b) => sets.Any(s => s.Terms.Contains(a, StringComparer.OrdinalIgnoreCase) && s.Terms.Contains(b, StringComparer.OrdinalIgnoreCase));

        Assert.True(sets.Count >= 30, $"{sets.Count} sets");
        Assert.True(Together("FMT", "faecal microbiota transplant"));
        Assert.True(Together("IBS", "irritable bowel syndrome"));
        Assert.True(Together("SCFA", "short-chain fatty acid"));
        Assert.True(Together("faecal", "fecal") && Together("faecal", "stool"));
        Assert.True(Together("randomised", "randomized"));
        Assert.True(Together("gut bacteria", "microbiome") && Together("mice", "mouse") && Together("early life", "childhood"));
    }

    [Fact]
    public void Stop_and_question_words_are_dropped_unless_nothing_else_is_left()
    {
        Assert.Equal(["diet", "help"], SearchWords.Of("Does diet help?"));
        Assert.Equal(["probiotic", "chronic", "pain"], SearchWords.Of("Is there a probiotic for chronic pain?"));
        Assert.Equal(["what", "is", "it"], SearchWords.Of("what is it"));
    }

    [Theory]
    [InlineData("pian", "pain", 1)]
    [InlineData("probiotc", "probiot", 1)]
    [InlineData("endometrosi", "endometriosi", 1)]
    [InlineData("gut", "gut", 0)]
    [InlineData("zebra", "probiot", 3)]
    public void Suggestions_measure_edits_with_swapped_letters_as_one(string a, string b, int expected) =>
        Assert.Equal(expected, SearchSuggestions.Distance(a, b, limit: 2));
}
