using Microsoft.Extensions.DependencyInjection;

namespace AuditAggregator.Tests.DependencyInjection;

public class AuditSourceRegistrationTests
{
    [Theory]
    [InlineData("docspace")]
    [InlineData("acme-docspace")]
    [InlineData("a")]
    [InlineData("0")]
    [InlineData("portal-2")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789-abcdefghijklmnopqrstuvwxyz")]
    public void IsValidName_LowercaseLettersDigitsAndInnerHyphens_True(string name) =>
        Assert.True(AuditSourceRegistration.IsValidName(name));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Acme")]
    [InlineData("acme docspace")]
    [InlineData("acme_docspace")]
    [InlineData("acme:docspace")]
    [InlineData("-acme")]
    [InlineData("acme-")]
    [InlineData("ácme")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789-abcdefghijklmnopqrstuvwxyz0")]
    public void IsValidName_AnythingElse_False(string? name) =>
        Assert.False(AuditSourceRegistration.IsValidName(name));

    [Fact]
    public void Reserve_InvalidName_ThrowsNamingIt()
    {
        var ex = Assert.Throws<ArgumentException>(() => AuditSourceRegistration.Reserve(new ServiceCollection(), "Acme Portal"));

        Assert.Contains("'Acme Portal'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("lowercase", ex.Message, StringComparison.Ordinal);
        Assert.Equal("name", ex.ParamName);
    }

    [Fact]
    public void Reserve_SameNameTwice_SecondThrowsNamingIt()
    {
        var services = new ServiceCollection();
        AuditSourceRegistration.Reserve(services, "acme");

        var ex = Assert.Throws<InvalidOperationException>(() => AuditSourceRegistration.Reserve(services, "acme"));

        Assert.Contains("'acme'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("already registered", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reserve_DifferentNames_AllAccepted()
    {
        var services = new ServiceCollection();

        AuditSourceRegistration.Reserve(services, "acme-docspace");
        AuditSourceRegistration.Reserve(services, "acme-exavault");
        AuditSourceRegistration.Reserve(services, "docspace");

        Assert.Single(services, d => d.ServiceType.Name == "ReservedSourceNames");
    }

    [Fact]
    public void Reserve_SameNameInTwoCollections_EachAccepts()
    {
        AuditSourceRegistration.Reserve(new ServiceCollection(), "docspace");

        AuditSourceRegistration.Reserve(new ServiceCollection(), "docspace");
    }

    [Fact]
    public void Reserve_CollectionWithKeyedServices_StillFindsItsNames()
    {
        var services = new ServiceCollection();
        services.AddKeyedSingleton<object>("k", new object());
        AuditSourceRegistration.Reserve(services, "acme");
        services.AddKeyedSingleton<object>("k2", new object());

        Assert.Throws<InvalidOperationException>(() => AuditSourceRegistration.Reserve(services, "acme"));
    }

    [Fact]
    public void Reserve_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => AuditSourceRegistration.Reserve(null!, "acme"));
        Assert.Throws<ArgumentNullException>(() => AuditSourceRegistration.Reserve(new ServiceCollection(), null!));
    }
}
