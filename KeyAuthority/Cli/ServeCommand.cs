using System.CommandLine;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SmsVending.Contracts.CommandLine;
using SmsVending.Infrastructure.Messaging;

namespace SmsVending.KeyAuthority.Cli;

/// <summary>`serve`: the KeyAuthority as its own process, answering requests from RabbitMQ.</summary>
internal static class ServeCommand
{
    public static Command Create(TimeProvider time)
    {
        var store = new StoreOptions(time);
        var command = new Command("serve", "Answer token requests from RabbitMQ (Bus:RabbitMq) until stopped");
        store.AddTo(command);
        command.SetAction(async (result, cancellationToken) =>
        {
            var configuration = store.Configuration(result);
            if (configuration["Bus:RabbitMq"] is not { Length: > 0 } url || !Uri.TryCreate(url, UriKind.Absolute, out _))
            {
                throw new CliInputException("Bus:RabbitMq", "serve needs the RabbitMQ address, e.g. environment Bus__RabbitMq=amqp://user:password@127.0.0.1:5672/");
            }

            var builder = Host.CreateApplicationBuilder();
            builder.Configuration.AddConfiguration(configuration);
            builder.Services.AddSingleton(time);
            builder.Services.AddKeyAuthority(builder.Configuration).AddBusOptions(builder.Configuration);
            builder.Services.AddMassTransit(bus =>
            {
                bus.AddKeyAuthorityConsumers();
                bus.UsingRabbitMqTopology();
            });
            await builder.Build().RunAsync(cancellationToken);
            return 0;
        });
        return command;
    }
}
