using MicrobiomePain.Web.Content;

namespace MicrobiomePain.Tests.Support;

/// <summary>
/// The base of every class fixture that serves test content: one <see cref="TestApp"/> per test class, disposed with
/// the fixture. A test class states only what its app holds: <c>public sealed class Fixture() : AppFixture(TestApp.With(…));</c>
/// </summary>
public abstract class AppFixture(TestApp app) : IDisposable
{
    public TestApp App { get; } = app;

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            App.Dispose();
        }
    }
}

/// <summary>The shipped content, read once, and an app serving it: for the content tests over what readers get.</summary>
public sealed class ShippedFixture() : AppFixture(new TestApp(TestContent.Shipped()))
{
    public ContentSet Content { get; } = ContentReader.Read(TestContent.Shipped()).Content
        ?? throw new InvalidOperationException("shipped content does not read");
}
