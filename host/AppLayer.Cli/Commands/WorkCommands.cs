using System.Globalization;

namespace AppLayer.Cli.Commands;

/// <summary><c>applayer consultation add</c>, <c>applayer datafix add</c>, <c>applayer feature add</c>, <c>applayer contact add</c>.</summary>
public static class WorkCommands
{
    public static Command Consultation()
    {
        var host = Common.HostOption();
        var key = Common.KeyOption();
        var customer = ServiceDeskOptions.Required("--customer", "Customer code.");
        var type = ServiceDeskOptions.Required("--type", "consulting or technical.");
        var area = ServiceDeskOptions.Required("--area", "consulting: accounting, payroll, finance, production; technical: software, hardware, networks.");
        var topic = ServiceDeskOptions.Required("--topic", "What it was about.");
        var worker = ServiceDeskOptions.Required("--worker", "Who consulted.");
        var start = ServiceDeskOptions.Required("--start", "When it started, e.g. 2026-10-05T09:00 (Prague time).");
        var minutes = new Option<int>("--minutes") { Description = "How long it took.", Required = true };
        var outcome = ServiceDeskOptions.Required("--outcome", "What came of it.");
        var ticket = new Option<long?>("--ticket") { Description = "The ticket it belongs to (number)." };
        var add = new Command("add", "Log a HotLine consultation with its time.") { customer, type, area, topic, worker, start, minutes, outcome, ticket, host, key };
        add.SetAction((parse, ct) => Run.SafelyAsync(async () =>
        {
            using var client = Common.Client(parse, host, key);
            var item = await client.PostAsync<WorkItemDto>(
                ApiRoutes.Consultations,
                new ConsultationRequest(parse.GetValue(customer)!, parse.GetValue(type)!, parse.GetValue(area)!, parse.GetValue(topic)!, parse.GetValue(worker)!, ServiceDeskOptions.ParseStart(parse.GetValue(start)), parse.GetValue(minutes), parse.GetValue(outcome)!, parse.GetValue(ticket)),
                ct);
            Console.WriteLine($"consultation {item.Reference} logged ({item.Category})");
            return 0;
        }));
        return new Command("consultation", "HotLine consultations.") { add };
    }

    public static Command DataFix()
    {
        var host = Common.HostOption();
        var key = Common.KeyOption();
        var customer = ServiceDeskOptions.Required("--customer", "Customer code.");
        var title = ServiceDeskOptions.Required("--title", "The data error.");
        var cause = ServiceDeskOptions.Required("--cause", "is-defect (covered) or improper-use (billable).");
        var ticket = new Option<long?>("--ticket") { Description = "The ticket it belongs to (number)." };
        var add = new Command("add", "Record a data fix.") { customer, title, cause, ticket, host, key };
        add.SetAction((parse, ct) => Run.SafelyAsync(async () =>
        {
            using var client = Common.Client(parse, host, key);
            var item = await client.PostAsync<WorkItemDto>(ApiRoutes.DataFixes, new DataFixRequest(parse.GetValue(customer)!, parse.GetValue(title)!, parse.GetValue(cause)!, parse.GetValue(ticket)), ct);
            Console.WriteLine($"data fix {item.Reference} recorded ({(item.Chargeable ? "billable" : "covered")})");
            return 0;
        }));
        return new Command("datafix", "Data fixes.") { add };
    }

    public static Command Feature()
    {
        var host = Common.HostOption();
        var key = Common.KeyOption();
        var customer = ServiceDeskOptions.Required("--customer", "Customer code.");
        var title = ServiceDeskOptions.Required("--title", "The feature.");
        var estimate = new Option<decimal>("--estimate-hours") { Description = "The estimate in hours.", Required = true };
        var ticket = new Option<long?>("--ticket") { Description = "The ticket it belongs to (number)." };
        var add = new Command("add", "Record a feature request with its estimate.") { customer, title, estimate, ticket, host, key };
        add.SetAction((parse, ct) => Run.SafelyAsync(async () =>
        {
            using var client = Common.Client(parse, host, key);
            var item = await client.PostAsync<WorkItemDto>(ApiRoutes.Features, new FeatureRequestRequest(parse.GetValue(customer)!, parse.GetValue(title)!, parse.GetValue(estimate), parse.GetValue(ticket)), ct);
            Console.WriteLine($"feature {item.Reference} recorded{(item.QuoteRequired ? "; above the threshold: send a quote (applayer quote send)" : string.Empty)}");
            return 0;
        }));
        return new Command("feature", "Feature requests beyond application-layer support.") { add };
    }

    public static Command Contact()
    {
        var host = Common.HostOption();
        var key = Common.KeyOption();
        var customer = new Argument<string>("customer") { Description = "Customer code." };
        var email = ServiceDeskOptions.Required("--email", "The contact's e-mail address.");
        var name = ServiceDeskOptions.Required("--name", "The contact's name.");
        var add = new Command("add", "Add a customer contact; prints their web-form link key once.") { customer, email, name, host, key };
        add.SetAction((parse, ct) => Run.SafelyAsync(async () =>
        {
            using var client = Common.Client(parse, host, key);
            var contact = await client.PostAsync<ContactDto>(ApiRoutes.CustomerContacts(parse.GetValue(customer)), new CreateContactRequest(parse.GetValue(email)!, parse.GetValue(name)!), ct);
            Console.WriteLine($"contact {contact.Email} added; web form: {client.BaseAddress}portal/{contact.PortalToken}");
            return 0;
        }));
        return new Command("contact", "Customer contacts.") { add };
    }

    public static Command Quote()
    {
        var host = Common.HostOption();
        var key = Common.KeyOption();
        var feature = new Argument<string>("feature") { Description = "The feature, e.g. F-5." };
        var price = new Option<decimal>("--price") { Description = "The fixed price (or, with --estimate, the estimated amount) in CZK without VAT.", Required = true };
        var spec = ServiceDeskOptions.Required("--spec", "The technical specification.");
        var estimate = new Option<bool>("--estimate") { Description = "An estimate: time × rate is billed, at most --cap in all (without it, the price is fixed)." };
        var cap = new Option<decimal?>("--cap") { Description = "An estimate's cap in CZK without VAT, not below the price." };
        var send = new Command("send", "Send a quote with its technical specification: a fixed price, or an estimate with a cap.") { feature, price, spec, estimate, cap, host, key };
        send.SetAction((parse, ct) => Run.SafelyAsync(async () =>
        {
            using var client = Common.Client(parse, host, key);
            var quote = await client.PostAsync<QuoteDto>(ApiRoutes.FeatureQuote(parse.GetValue(feature)), new CreateQuoteRequest(parse.GetValue(price), parse.GetValue(spec)!, parse.GetValue(estimate) ? "estimate" : "fixed", parse.GetValue(cap)), ct);
            Console.WriteLine(quote.Cap is { } capped
                ? string.Create(CultureInfo.InvariantCulture, $"quote {quote.Id} for {quote.Feature}: estimate {quote.Price:0.00} CZK, at most {capped:0.00} CZK")
                : string.Create(CultureInfo.InvariantCulture, $"quote {quote.Id} for {quote.Feature}: fixed price {quote.Price:0.00} CZK"));
            return 0;
        }));

        var approveHost = Common.HostOption();
        var approveKey = Common.KeyOption();
        var id = new Argument<string>("feature") { Description = "The feature whose quote the customer approved, e.g. F-5." };
        var contact = ServiceDeskOptions.Required("--contact", "The customer's contact who approved it (e-mail address).");
        var approve = new Command("approve", "Record the customer's approval.") { id, contact, approveHost, approveKey };
        approve.SetAction((parse, ct) => Run.SafelyAsync(async () =>
        {
            using var client = Common.Client(parse, approveHost, approveKey);
            var quote = await client.PostAsync<QuoteDto>(ApiRoutes.QuoteApproval(parse.GetValue(id)), new ApproveQuoteRequest(parse.GetValue(contact)!), ct);
            Console.WriteLine($"quote {quote.Id} approved by {quote.ApprovedBy} at {quote.ApprovedAt:u}");
            return 0;
        }));
        return new Command("quote", "Quotes for features above the agreement's threshold.") { send, approve };
    }

    public static Command Time()
    {
        var host = Common.HostOption();
        var key = Common.KeyOption();
        var on = new Argument<string>("on") { Description = "A ticket or work item: AL-12, C-3, D-4, F-5." };
        var worker = ServiceDeskOptions.Required("--worker", "Who worked.");
        var start = ServiceDeskOptions.Required("--start", "When the work started, e.g. 2026-10-05T09:00 (Prague time).");
        var minutes = new Option<int>("--minutes") { Description = "How long it took.", Required = true };
        var note = ServiceDeskOptions.Optional("--note", "What was done.");
        var add = new Command("add", "Log work time.") { on, worker, start, minutes, note, host, key };
        add.SetAction((parse, ct) => Run.SafelyAsync(async () =>
        {
            using var client = Common.Client(parse, host, key);
            var entry = await client.PostAsync<TimeEntryDto>(ApiRoutes.Time, new AddTimeRequest(parse.GetValue(on)!, parse.GetValue(worker)!, ServiceDeskOptions.ParseStart(parse.GetValue(start)), parse.GetValue(minutes), parse.GetValue(note)), ct);
            Console.WriteLine($"{entry.Minutes} min on {entry.Reference} ({(entry.Chargeable ? "chargeable" : "covered")})");
            return 0;
        }));
        return new Command("time", "Time entries.") { add };
    }
}
