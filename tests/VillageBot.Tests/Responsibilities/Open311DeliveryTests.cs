using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using VillageBot.Features.Responsibilities;

namespace VillageBot.Tests.Responsibilities;

public sealed class Open311DeliveryTests : ResponsibilityTest
{
    private readonly Endpoint _endpoint = new();

    protected override Action<IServiceCollection>? Configure => s =>
        s.AddHttpClient(Open311Sender.Client).ConfigurePrimaryHttpMessageHandler(() => _endpoint);

    [Fact]
    public async Task A_body_with_its_own_open311_endpoint_gets_one_post_per_report_and_a_refusal_is_retried()
    {
        Responsibilities.Save(new Responsibility
        {
            Village = "kalsnava",
            Category = "digital",
            Body = new ResponsibleBody { Name = "Broadband desk", Channel = Channels.Open311, Open311Endpoint = "https://open311.example.lv/v2", Open311ServiceCode = "broadband" },
            Source = "https://open311.example.lv",
            Checked = true,
        });
        _endpoint.Fail = 1;
        var user = await MemberAsync("en");
        var reference = await ReportAsync(user, "No internet in the library since Monday", anonymous: true);
        var delivery = await DeliveryAsync(reference, DeliveryStates.Sent);
        Assert.Equal(1, delivery.Attempts);
        Assert.Equal(2, _endpoint.Posts.Count);
        var form = _endpoint.Posts.Last();
        Assert.StartsWith("https://open311.example.lv/v2/requests.json", form.Url);
        Assert.Contains("service_code=broadband", form.Body);
        Assert.Contains(Uri.EscapeDataString(reference), form.Body);
        Assert.DoesNotContain("first_name", form.Body);
        Assert.DoesNotContain("Person", form.Body);
    }

    private sealed class Endpoint : HttpMessageHandler
    {
        public ConcurrentQueue<(string Url, string Body)> Posts { get; } = new();

        public int Fail;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Posts.Enqueue((request.RequestUri!.ToString(), await request.Content!.ReadAsStringAsync(cancellationToken)));
            return Interlocked.Decrement(ref Fail) >= 0
                ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)
                : new HttpResponseMessage(HttpStatusCode.Created) { Content = new StringContent("[{\"service_request_id\":\"77\"}]") };
        }
    }
}
