namespace MicrobiomePain.Tests.Claims;

/// <summary>One search a new reader might type, and the claims (slugs) of which at least one should be in the first five.</summary>
public sealed record ReaderQuery(string Kind, string Text, params string[] RightClaims);

/// <summary>
/// Searches written as readers write them (questions, plurals, spellings, abbreviations, lay words), each with the
/// claims that answer it, judged by reading content/claims/. A result passes when any right claim is in the top five:
/// new claims may rank among them without making the table wrong.
/// </summary>
public static class ReaderQueries
{
    private const string C1 = "chronic-pain-microbiome-differs";
    private const string C2 = "endometriosis-microbiome-differs";
    private const string C3 = "microbiome-manipulation-could-relieve-pain";
    private const string C4 = "metronidazole-endometriosis-lesions-mice";
    private const string C5 = "lesion-result-implies-pain-effect";
    private const string C6 = "mechanisms-unknown";
    private const string C7 = "pathways-neurotransmitters-immune";
    private const string C8 = "human-studies-cross-sectional";
    private const string C9 = "early-life-stress-microbiome";
    private const string C10 = "pain-persists-after-microbiome-recovers";
    private const string C11 = "probiotics-reverse-pain-adult-animals";
    private const string C12 = "trials-needed-for-strains";
    private const string C13 = "no-probiotic-recommended";
    private const string C14 = "diet-and-stress-may-help";
    private const string C15 = "future-personalised-probiotics";
    private const string C16 = "future-fmt";
    private const string C17 = "future-microbial-pathway-drugs";
    private const string C18 = "evidence-suggests-strong-link";
    private const string C19 = "future-is-bright";
    private const string C20 = "could-revolutionise-pain-management";

    public static readonly IReadOnlyList<ReaderQuery> All =
    [
        new("plural", "antibiotics", C4, C10, C3),
        new("plural", "probiotic", C11, C13, C12, C15, C14),
        new("plural", "probiotics", C11, C13, C12, C15, C14),
        new("plural", "rat", C11, C10, C9),
        new("plural", "mouse", C4, C7, C17, C5),
        new("plural", "trial", C3, C16, C12, C13),
        new("abbreviation", "FMT", C16, C3),
        new("abbreviation", "IBS", C16, C13, C14, C3, C10, C11),
        new("abbreviation", "SCFA", C1),
        new("spelling", "fecal transplant", C16, C3),
        new("spelling", "faecal transplant", C16, C3),
        new("spelling", "personalized probiotics", C15),
        new("spelling", "revolutionize pain management", C20),
        new("spelling", "randomized trial", C3, C16, C5),
        new("spelling", "fiber diet", C14),
        new("spelling", "nerve signaling", C7, C6),
        new("lay word", "stool transplant", C16, C3),
        new("lay word", "poo transplant", C16, C3),
        new("lay word", "gut flora", C1, C3, C18),
        new("lay word", "childhood stress", C9),
        new("lay word", "tummy pain", C11, C10, C16),
        new("lay word", "medicines targeting gut bacteria", C17),
        new("lay word", "short chain fatty acids", C1),
        new("lay word", "studies over a long time", C8),
        new("question", "does diet help", C14),
        new("question", "can diet help my pain?", C14),
        new("question", "does stress affect the gut microbiome?", C9, C14),
        new("question", "is there a probiotic for chronic pain?", C13, C12, C15),
        new("question", "which probiotic should I take", C13, C12),
        new("question", "how do gut bacteria cause pain?", C6, C7, C20),
        new("question", "is the evidence strong?", C18),
        new("question", "does the microbiome recover after antibiotics?", C10),
        new("question", "do people with endometriosis have different gut bacteria", C2, C4),
        new("question", "what did the mouse studies of endometriosis find", C4, C5, C17),
        new("question", "are there human trials of faecal transplants", C16, C3),
        new("phrase", "early life stress", C9, C10),
        new("phrase", "germ free mice", C7, C18),
        new("phrase", "immune system", C7),
        new("phrase", "metronidazole", C4, C5),
    ];
}
