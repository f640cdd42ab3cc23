namespace NetworkPlatform.Grpc.Tests.Server;

public class HeaderEncodingTests
{
    [Theory]
    [InlineData("plain message", "plain message")]
    [InlineData("50% done", "50%25 done")]
    [InlineData("line\nbreak", "line%0Abreak")]
    [InlineData("ünï", "%C3%BCn%C3%AF")]
    [InlineData("€", "%E2%82%AC")]
    [InlineData("", "")]
    public void status_messages_are_percent_encoded_as_utf8(string message, string encoded)
    {
        Assert.Equal(encoded, HeaderEncoding.PercentEncode(message));
        Assert.Equal(message, HeaderEncoding.PercentDecode(encoded));
    }

    [Theory]
    [InlineData("100%", "100%")]
    [InlineData("%zz", "%zz")]
    [InlineData("%4", "%4")]
    [InlineData("a%41b", "aAb")]
    public void malformed_escapes_are_kept_as_they_are(string encoded, string decoded)
    {
        Assert.Equal(decoded, HeaderEncoding.PercentDecode(encoded));
    }

    [Theory]
    [InlineData(new byte[] { }, "")]
    [InlineData(new byte[] { 0 }, "AA")]
    [InlineData(new byte[] { 0, 1 }, "AAE")]
    [InlineData(new byte[] { 0, 1, 2 }, "AAEC")]
    [InlineData(new byte[] { 0xFF, 0xFE, 0xFD, 0xFC }, "//79/A")]
    public void binary_values_are_sent_unpadded_and_read_back(byte[] bytes, string base64)
    {
        Assert.Equal(base64, HeaderEncoding.ToUnpaddedBase64(bytes));
        Assert.True(HeaderEncoding.TryFromBase64(base64, out var decoded));
        Assert.Equal(bytes, decoded);
    }

    [Theory]
    [InlineData("AA==", new byte[] { 0 })]
    [InlineData("AAE=", new byte[] { 0, 1 })]
    [InlineData("AAE", new byte[] { 0, 1 })]
    public void padded_and_unpadded_base64_are_both_accepted(string base64, byte[] bytes)
    {
        Assert.True(HeaderEncoding.TryFromBase64(base64, out var decoded));
        Assert.Equal(bytes, decoded);
    }

    [Theory]
    [InlineData("A")]
    [InlineData("not base64!")]
    [InlineData("AA=A")]
    public void invalid_base64_is_refused(string value)
    {
        Assert.False(HeaderEncoding.TryFromBase64(value, out _));
    }
}
