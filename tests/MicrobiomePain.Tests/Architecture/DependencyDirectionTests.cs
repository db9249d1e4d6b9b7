using System.Reflection;
using System.Reflection.Emit;
using MicrobiomePain.Web.Store;

namespace MicrobiomePain.Tests.Architecture;

/// <summary>
/// Dependencies run one way: Content (read and check files) → Grading (pure) → Store (write; read models) → Claims
/// (queries) → the features that serve them (Pages, Api, Citations, Site, Operations, Commands). A type may use its own
/// layer and the ones before it, never one after it (docs/architecture.md draws it).
/// </summary>
public sealed class DependencyDirectionTests
{
    private const string Root = "MicrobiomePain.Web.";

    /// <summary>Each layer's position; a namespace not listed is a serving feature, after all of them.</summary>
    private static readonly Dictionary<string, int> Layers = new(StringComparer.Ordinal)
    {
        ["Content"] = 0, ["Grading"] = 1, ["Store"] = 2, ["Claims"] = 3,
    };

    /// <summary>
    /// The uses against the direction that the code had when this test was written (issue 31). The list may only shrink:
    /// a new use against the direction fails, and so does an entry here that is no longer true (delete it).
    /// </summary>
    private static readonly string[] KnownAgainst =
    [
        "Claims.ClaimQuery uses Site.Links",
        "Content.ClaimParser uses Grading.ArticleStrength", "Content.ClaimParser uses Grading.GradingVocabulary",
        "Content.ClaimParser uses Grading.StatementStrength",
        "Content.ClaimReferenceRenderer uses Claims.LevelBadgeHtml", "Content.ClaimReferenceRenderer uses Site.Links",
        "Content.ContentChecker uses Grading.ClaimGrader",
        "Content.ReferenceDataParser uses Grading.GradingVocabulary", "Content.ReferenceDataParser uses Grading.StudyDesign",
        "Store.StoreVersion uses Claims.ClaimIndexSlot",
        // Added when issue 29 merged (verdicts, and grading once per build: the checked content set carries its gradings);
        // to be moved with the rest of this list, not a licence for more.
        "Content.ClaimJudgementParser uses Grading.Certainty", "Content.ClaimJudgementParser uses Grading.GradingVocabulary",
        "Content.ContentChecker uses Grading.ClaimGrading", "Content.ContentReader uses Grading.ClaimGrading",
        "Content.ContentSet uses Grading.ClaimGrading",
    ];

    [Fact]
    public void No_type_uses_a_type_of_a_later_layer_beyond_the_known_uses_which_only_shrink()
    {
        var against = typeof(StoreVersion).Assembly.GetTypes()
            .Where(IsOwn)
            .SelectMany(t => UsedTypes(t).Where(used => IsOwn(used) && Layer(used) > Layer(t)).Select(used => $"{Name(t)} uses {Name(used)}"))
            .Distinct().Order(StringComparer.Ordinal).ToList();

        var added = against.Except(KnownAgainst).ToList();
        var gone = KnownAgainst.Except(against).ToList();
        Assert.True(added.Count == 0, "Against the direction Content → Grading → Store → Claims → features:\n" + string.Join("\n", added));
        Assert.True(gone.Count == 0, "No longer true; delete from KnownAgainst:\n" + string.Join("\n", gone));
    }

    /// <summary>A type's name below the root, compiler-made nested types (closures, state machines) counted as their outermost type.</summary>
    private static string Name(Type type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        return type.FullName![Root.Length..];
    }

    [Fact]
    public void The_check_sees_a_use_inside_a_method_body()
    {
        // typeof(StoreVersion) in the test above (its second line) is named only in its body (an ldtoken), so the check is not blind to what most code does.
        Assert.Contains(typeof(StoreVersion), UsedTypes(typeof(DependencyDirectionTests)));
    }

    private static bool IsOwn(Type type) =>
        type.Assembly == typeof(StoreVersion).Assembly && type.Namespace?.StartsWith(Root, StringComparison.Ordinal) == true;

    private static int Layer(Type type)
    {
        var name = (type.Namespace ?? "")[Root.Length..];
        return Layers.TryGetValue(name.Split('.')[0], out var layer) ? layer : Layers.Count;
    }

    /// <summary>The types a type names: in its signatures and fields, and in every method body (calls, fields, new, casts).</summary>
    private static IEnumerable<Type> UsedTypes(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var named = new List<Type?> { type.BaseType };
        named.AddRange(type.GetInterfaces());
        named.AddRange(type.GetFields(all).Select(f => f.FieldType));
        var methods = type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)).ToList();
        foreach (var method in methods)
        {
            named.AddRange(method.GetParameters().Select(p => p.ParameterType));
            named.Add((method as MethodInfo)?.ReturnType);
            named.AddRange(BodyTypes(method));
        }

        return named.OfType<Type>().SelectMany(Expand).Distinct();
    }

    private static IEnumerable<Type> Expand(Type type) =>
        type.HasElementType ? Expand(type.GetElementType()!)
        : type.IsGenericType ? type.GetGenericArguments().SelectMany(Expand).Append(type.GetGenericTypeDefinition())
        : [type];

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    /// <summary>The declaring types of every member and type token in a method's IL.</summary>
    private static IEnumerable<Type?> BodyTypes(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray() ?? [];
        var generic = (method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : null, method.IsGenericMethod ? method.GetGenericArguments() : null);
        for (var at = 0; at < il.Length;)
        {
            var value = il[at] == 0xFE ? (short)(0xFE00 | il[at + 1]) : il[at];
            at += il[at] == 0xFE ? 2 : 1;
            var op = OpCodesByValue[value];
            if (op.OperandType is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok)
            {
                var member = Resolve(method.Module, BitConverter.ToInt32(il, at), generic.Item1, generic.Item2);
                yield return member as Type ?? member?.DeclaringType;
            }

            at += op.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
                _ => 4,
            };
        }
    }

    private static MemberInfo? Resolve(Module module, int token, Type[]? typeArguments, Type[]? methodArguments)
    {
        try
        {
            return module.ResolveMember(token, typeArguments, methodArguments);
        }
        catch (ArgumentException)
        {
            return null; // a token of another module's generic context; the signatures above still name its types
        }
    }
}
