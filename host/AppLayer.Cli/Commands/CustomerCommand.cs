namespace AppLayer.Cli.Commands;

/// <summary><c>applayer customer add|list|show|agreement</c>.</summary>
public static class CustomerCommand
{
    public static Command Create() => Common.Group(
        "customer",
        "Customers and their service agreements.",
        Add(),
        List(),
        Show(),
        SetAgreement());

    private static Command Add()
    {
        var code = new Argument<string>("code") { Description = "Short customer code, e.g. novak." };
        var name = new Option<string>("--name") { Description = "The customer's legal name.", Required = true };
        var services = Common.ListOption("--services", "Services of the agreement, e.g. help-desk,hotline,application-layer");
        var modules = Common.ListOption("--modules", "IS modules covered, e.g. accounting,payroll");
        return HostVerb.Create("add", "Add a customer, optionally with its agreement.", [code, name, services, modules], async (parse, client, ct) =>
        {
            var created = await client.PostAsync<CustomerDto>(ApiRoutes.Customers, new CreateCustomerRequest(parse.GetValue(code)!, parse.GetValue(name)!), ct);
            var serviceList = Common.Split(parse.GetValue(services));
            if (serviceList.Count > 0)
            {
                await client.PutAsync<AgreementDto>(ApiRoutes.CustomerAgreement(created.Code), new SetAgreementRequest(serviceList, Common.Split(parse.GetValue(modules))), ct);
            }

            Console.WriteLine($"customer {created.Code} added");
            return 0;
        });
    }

    private static Command List() =>
        HostVerb.List<CustomerDto>("list", "List customers.", [], _ => ApiRoutes.Customers, customers =>
        {
            var table = new TextTable("code", "name", "services", "installations");
            foreach (var c in customers)
            {
                table.Add(c.Code, c.Name, string.Join(", ", c.Agreement?.Services ?? []), string.Join(", ", c.Installations.Select(i => i.Code)));
            }

            return table.ToString();
        });

    private static Command Show()
    {
        var code = new Argument<string>("code") { Description = "Customer code." };
        return HostVerb.Create("show", "Show one customer as JSON.", [code], async (parse, client, ct) =>
        {
            Common.PrintJson(await client.GetAsync<CustomerDto>(ApiRoutes.Customer(parse.GetValue(code)!), ct));
            return 0;
        });
    }

    private static Command SetAgreement()
    {
        var code = new Argument<string>("code") { Description = "Customer code." };
        var services = Common.ListOption("--services", "Services of the agreement");
        services.Required = true;
        var modules = Common.ListOption("--modules", "IS modules covered");
        var effective = new Option<DateOnly?>("--effective") { Description = "The day the version takes effect (default: today), e.g. 2026-10-16." };
        var terms = new Option<string>("--terms") { Description = "A JSON file with the terms: coverage, coverageSurcharge, targets, rates, includedHours, quoteThresholdHours, roundingMinutes, outOfHoursSurchargePercent." };
        var supersedes = Common.ListOption("--supersedes", "Versions effective on or after --effective that this one replaces (they no longer apply), e.g. 3");
        var keeps = Common.ListOption("--keeps", "Versions effective after --effective that still apply from their own day (ending this one there), e.g. 3");
        return HostVerb.Create("agreement", "Sign a new version of the customer's agreement; versions effective later must be named in --supersedes or --keeps.", [code, services, modules, effective, terms, supersedes, keeps], async (parse, client, ct) =>
        {
            var agreement = await client.PutAsync<AgreementDto>(
                ApiRoutes.CustomerAgreement(parse.GetValue(code)!),
                new SetAgreementRequest(Common.Split(parse.GetValue(services)), Common.Split(parse.GetValue(modules)), await AgreementTermsFile.ReadAsync(parse.GetValue(terms), ct), parse.GetValue(effective), Versions(parse.GetValue(supersedes)), Versions(parse.GetValue(keeps))),
                ct);
            Console.WriteLine($"agreement version {agreement.Version}: {string.Join(", ", agreement.Services)}"
                + (agreement.Supersedes is { Count: > 0 } replaced ? $"; supersedes version(s) {string.Join(", ", replaced)}" : string.Empty));
            return 0;
        });
    }

    private static IReadOnlyList<int> Versions(string[]? list) => [.. Common.Split(list).Select(v =>
        int.TryParse(v.TrimStart('v', 'V'), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new UserException($"'{v}' is not an agreement version number."))];
}
