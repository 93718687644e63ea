using System.CommandLine;
using AppLayer.Core.Api;

namespace AppLayer.Cli.Commands;

/// <summary><c>applayer customer add|list|show|agreement</c>.</summary>
public static class CustomerCommand
{
    public static Command Create()
    {
        var command = new Command("customer", "Customers and their service agreements.");
        command.Subcommands.Add(Add());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Show());
        command.Subcommands.Add(SetAgreement());
        return command;
    }

    private static Command Add()
    {
        var host = Common.HostOption();
        var key = Common.KeyOption();
        var code = new Argument<string>("code") { Description = "Short customer code, e.g. novak." };
        var name = new Option<string>("--name") { Description = "The customer's legal name.", Required = true };
        var services = Common.ListOption("--services", "Services of the agreement, e.g. help-desk,hotline,application-layer");
        var modules = Common.ListOption("--modules", "IS modules covered, e.g. accounting,payroll");
        var command = new Command("add", "Add a customer, optionally with its agreement.") { code, name, services, modules, host, key };
        command.SetAction((parse, ct) => Run.SafelyAsync(async () =>
        {
            using var client = Common.Client(parse, host, key);
            var created = await client.PostAsync<CustomerDto>("api/customers", new CreateCustomerRequest(parse.GetValue(code)!, parse.GetValue(name)!), ct);
            var serviceList = Common.Split(parse.GetValue(services));
            if (serviceList.Count > 0)
            {
                await client.PutAsync<AgreementDto>($"api/customers/{Uri.EscapeDataString(created.Code)}/agreement", new SetAgreementRequest(serviceList, Common.Split(parse.GetValue(modules))), ct);
            }

            Console.WriteLine($"customer {created.Code} added");
            return 0;
        }));
        return command;
    }

    private static Command List()
    {
        var host = Common.HostOption();
        var key = Common.KeyOption();
        var json = Common.JsonOption();
        var command = new Command("list", "List customers.") { host, key, json };
        command.SetAction((parse, ct) => Run.SafelyAsync(async () =>
        {
            using var client = Common.Client(parse, host, key);
            var customers = await client.GetAsync<List<CustomerDto>>("api/customers", ct);
            if (parse.GetValue(json))
            {
                Common.PrintJson(customers);
                return 0;
            }

            var table = new TextTable("code", "name", "services", "installations");
            foreach (var c in customers)
            {
                table.Add(c.Code, c.Name, string.Join(", ", c.Agreement?.Services ?? []), string.Join(", ", c.Installations.Select(i => i.Code)));
            }

            Console.Write(table);
            return 0;
        }));
        return command;
    }

    private static Command Show()
    {
        var host = Common.HostOption();
        var key = Common.KeyOption();
        var code = new Argument<string>("code") { Description = "Customer code." };
        var command = new Command("show", "Show one customer as JSON.") { code, host, key };
        command.SetAction((parse, ct) => Run.SafelyAsync(async () =>
        {
            using var client = Common.Client(parse, host, key);
            Common.PrintJson(await client.GetAsync<CustomerDto>($"api/customers/{Uri.EscapeDataString(parse.GetValue(code)!)}", ct));
            return 0;
        }));
        return command;
    }

    private static Command SetAgreement()
    {
        var host = Common.HostOption();
        var key = Common.KeyOption();
        var code = new Argument<string>("code") { Description = "Customer code." };
        var services = Common.ListOption("--services", "Services of the agreement");
        services.Required = true;
        var modules = Common.ListOption("--modules", "IS modules covered");
        var effective = new Option<DateOnly?>("--effective") { Description = "The day the version takes effect (default: today), e.g. 2026-10-16." };
        var terms = new Option<string>("--terms") { Description = "A JSON file with the terms: coverage, coverageSurcharge, targets, rates, includedHours, quoteThresholdHours, roundingMinutes, outOfHoursSurchargePercent." };
        var command = new Command("agreement", "Sign a new version of the customer's agreement.") { code, services, modules, effective, terms, host, key };
        command.SetAction((parse, ct) => Run.SafelyAsync(async () =>
        {
            using var client = Common.Client(parse, host, key);
            var agreement = await client.PutAsync<AgreementDto>(
                $"api/customers/{Uri.EscapeDataString(parse.GetValue(code)!)}/agreement",
                new SetAgreementRequest(Common.Split(parse.GetValue(services)), Common.Split(parse.GetValue(modules)), await AgreementTerms.ReadAsync(parse.GetValue(terms), ct), parse.GetValue(effective)),
                ct);
            Console.WriteLine($"agreement version {agreement.Version}: {string.Join(", ", agreement.Services)}");
            return 0;
        }));
        return command;
    }
}
