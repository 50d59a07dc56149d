using Hqt.Api.Storage;
using Npgsql;

namespace Hqt.Api.Tests;

/// <summary>
/// The Npgsql settings hqt adds to ConnectionStrings:Hqt (docs/deploying.md, "Connection settings"): added when the
/// string says nothing, and the operator's own value kept when it does, under any spelling of the key.
/// </summary>
public class PostgresConnectionDefaultsTests
{
    [Fact]
    public void AStringThatSaysNothingGetsNoResetOnCloseAndAutoPrepare()
    {
        var built = new NpgsqlConnectionStringBuilder(Db.WithServerDefaults("Host=db;Database=hqt;Username=hqt"));

        Assert.True(built.NoResetOnClose);
        Assert.Equal(64, built.MaxAutoPrepare);
        Assert.Equal("db", built.Host);
        Assert.Equal("hqt", built.Database);
    }

    [Theory]
    [InlineData("Host=db;No Reset On Close=false;Max Auto Prepare=0")]
    [InlineData("Host=db;no reset on close=False;MAX AUTO PREPARE=0")]
    [InlineData("Host=db;NoResetOnClose=false;MaxAutoPrepare=0")]
    public void TheOperatorsOwnValuesWin(string connectionString)
    {
        var built = new NpgsqlConnectionStringBuilder(Db.WithServerDefaults(connectionString));

        Assert.False(built.NoResetOnClose);
        Assert.Equal(0, built.MaxAutoPrepare);
    }
}
