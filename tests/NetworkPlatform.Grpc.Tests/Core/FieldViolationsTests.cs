using Google.Rpc;

namespace NetworkPlatform.Grpc.Tests.Core;

public class FieldViolationsTests
{
    private sealed class TitleRules : FieldViolations<TitleRules>
    {
        public TitleRules Title(string value) => Required("meeting.title", value, 10);
    }

    [Fact]
    public void every_violation_is_answered_at_once_in_the_order_found()
    {
        var rules = new TitleRules().Title(" ").Require(false, "request_id", "Send a UUID.").MaxLength("comment", "far too long a comment", 5);

        var error = Assert.Throws<RpcException>(rules.ThrowIfInvalid);

        Assert.False(rules.IsValid);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(
            [("meeting.title", "Required: give a non-empty value."), ("request_id", "Send a UUID."), ("comment", "At most 5 characters; this has 22.")],
            error.GetDetail<BadRequest>()!.FieldViolations.Select(v => (v.Field, v.Description)));
    }

    [Fact]
    public void a_valid_request_passes()
    {
        var rules = new TitleRules().Title("Oppstart").Require(true, "request_id", "Send a UUID.").MaxLength("comment", "kort", 5);

        rules.ThrowIfInvalid();

        Assert.True(rules.IsValid);
    }
}
