namespace NetworkPlatform.Grpc.Tests.Core;

public class MetadataTests
{
    [Fact]
    public void keys_are_lower_cased_and_the_last_value_wins()
    {
        var metadata = new Metadata().Add("X-Request-Id", "a").Add("x-request-id", "b");
        Assert.Equal("b", metadata.GetValue("x-request-id"));
        Assert.Equal(2, metadata.GetAll("x-request-id").Count());
    }

    [Fact]
    public void binary_values_need_a_bin_key_and_text_values_must_not_use_one()
    {
        Assert.Throws<ArgumentException>(() => new Metadata().Add("trace", [1, 2]));
        Assert.Throws<ArgumentException>(() => new Metadata().Add("trace-bin", "text"));
        Assert.Equal(new byte[] { 1, 2 }, new Metadata().Add("trace-bin", [1, 2]).GetBytes("trace-bin"));
    }

    [Theory]
    [InlineData("grpc-status")]
    [InlineData("bad key")]
    [InlineData("ключ")]
    public void reserved_or_malformed_keys_are_refused(string key)
    {
        Assert.Throws<ArgumentException>(() => new Metadata().Add(key, "v"));
    }

    [Fact]
    public void text_values_must_be_printable_ascii()
    {
        Assert.Throws<ArgumentException>(() => new Metadata().Add("name", "line\nbreak"));
    }
}
