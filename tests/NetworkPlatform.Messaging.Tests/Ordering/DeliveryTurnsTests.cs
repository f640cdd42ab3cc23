using NetworkPlatform.Messaging.Inbox;

namespace NetworkPlatform.Messaging.Tests.Ordering;

/// <summary>Deliveries of one channel take their turns in delivery-tag order, and none ever goes ahead of a missing one.</summary>
public sealed class DeliveryTurnsTests
{
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task deliveries_that_arrive_out_of_order_take_their_turns_in_tag_order()
    {
        var turns = new DeliveryTurns(Long, () => Task.CompletedTask);
        var admitted = new List<ulong>();
        var third = TakeTurnAsync(turns, 3, admitted);
        var second = TakeTurnAsync(turns, 2, admitted);
        Assert.False(third.IsCompleted);
        Assert.False(second.IsCompleted);

        await TakeTurnAsync(turns, 1, admitted);
        await Task.WhenAll(second, third);

        Assert.Equal([1UL, 2UL, 3UL], admitted);
    }

    [Fact]
    public async Task a_delivery_waiting_for_a_predecessor_that_never_comes_is_refused_when_the_channel_closes()
    {
        var turns = new DeliveryTurns(Long, () => Task.CompletedTask);
        await TakeTurnAsync(turns, 1, []);
        var third = turns.WaitForTurnAsync(3, CancellationToken.None); // 2 was dropped as the channel shut down.

        turns.Close("its channel closed: broker stopped");

        var refused = await Assert.ThrowsAsync<DeliveryRefusedException>(() => third);
        Assert.Contains("Delivery 3 was not handled", refused.Message, StringComparison.Ordinal);
        Assert.Contains("broker stopped", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task nothing_of_a_closed_channel_is_admitted_even_a_delivery_whose_turn_it_is()
    {
        var turns = new DeliveryTurns(Long, () => Task.CompletedTask);
        await TakeTurnAsync(turns, 1, []);
        turns.Close("its channel was replaced");

        await Assert.ThrowsAsync<DeliveryRefusedException>(() => turns.WaitForTurnAsync(2, CancellationToken.None));
        Assert.Throws<DeliveryRefusedException>(() => turns.ThrowIfClosed(1));
    }

    [Fact]
    public async Task a_predecessor_missing_too_long_on_an_open_channel_closes_the_channel_instead_of_being_overtaken()
    {
        var closed = 0;
        var turns = new DeliveryTurns(TimeSpan.FromMilliseconds(100), () =>
        {
            Interlocked.Increment(ref closed);
            return Task.CompletedTask;
        });

        var refused = await Assert.ThrowsAsync<DeliveryRefusedException>(() => turns.WaitForTurnAsync(2, CancellationToken.None));

        Assert.Equal(1, closed);
        Assert.Contains("delivery 1 did not reach the consumer", refused.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<DeliveryRefusedException>(() => turns.WaitForTurnAsync(1, CancellationToken.None));
    }

    [Fact]
    public async Task a_channel_that_fails_to_close_after_a_missing_predecessor_still_refuses_its_deliveries()
    {
        var turns = new DeliveryTurns(TimeSpan.FromMilliseconds(100), () => throw new InvalidOperationException("the connection is gone"));

        var refused = await Assert.ThrowsAsync<DeliveryRefusedException>(() => turns.WaitForTurnAsync(2, CancellationToken.None));

        Assert.IsType<InvalidOperationException>(refused.InnerException);
        Assert.Contains("the connection is gone", refused.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<DeliveryRefusedException>(() => turns.WaitForTurnAsync(1, CancellationToken.None));
    }

    private static async Task TakeTurnAsync(DeliveryTurns turns, ulong tag, List<ulong> admitted)
    {
        await turns.WaitForTurnAsync(tag, CancellationToken.None);
        lock (admitted)
        {
            admitted.Add(tag);
        }
        turns.Admit(tag);
    }
}
