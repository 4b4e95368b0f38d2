package synth

// The word lists the titles and narrative are drawn from. They read like a
// London borough's performance report; every name in them is invented.

var themeTitles = []string{
	"Build a Better Borough",
	"Be More Business-like and Business Friendly",
	"Protect the Most Vulnerable and Support Families",
	"Cleaner and Greener Streets",
	"Safer and Stronger Communities",
	"Healthy Lives and Independent Living",
	"Good Homes for Everyone",
	"Education, Skills and Employment",
	"A Thriving Local Economy",
	"Transport and Connectivity",
	"Culture, Leisure and Heritage",
	"Customer Services and Digital",
	"Children and Young People",
	"Adult Social Care",
	"Financial Resilience",
	"Climate and Sustainability",
}

// themeIDs are the themes' ids, after their number: short, as ids become
// folder names on the site.
var themeIDs = []string{
	"better-borough", "business-like", "vulnerable", "cleaner-greener", "safer",
	"healthy-lives", "homes", "skills", "economy", "transport", "culture", "customer",
	"children", "adult-care", "finance", "climate",
}

var services = []string{
	"the housing repair and maintenance service", "street cleaning", "the library service",
	"parks and open spaces", "refuse collection", "the contact centre", "the council's website",
	"planning advice", "parking services", "leisure centres", "the registrars' service",
	"adult social care assessments", "the school admissions service", "pest control",
	"the bulky waste collection", "noise nuisance investigations", "housing advice",
	"council tax enquiries", "the youth service", "the home library service",
	"highway maintenance", "building control", "the food safety team", "trading standards",
	"the children's centres", "the reablement service", "the careers service",
	"the community safety team", "the benefits service", "the licensing team",
}

var people = []string{
	"residents", "tenants", "care leavers", "young people aged 16 to 18", "older people",
	"adults with learning disabilities", "carers", "children looked after", "new mothers",
	"jobseekers", "small businesses", "pupils eligible for free school meals",
	"households in temporary accommodation", "people with long-term conditions",
	"families with children under five", "rough sleepers", "apprentices", "volunteers",
	"staff", "disabled residents", "residents aged 65 and over", "first-time buyers",
	"young carers", "adults in drug treatment", "smokers",
}

var processes = []string{
	"process new housing benefit claims", "process change of circumstances",
	"complete a social care assessment", "answer a Freedom of Information request",
	"determine a minor planning application", "re-let a council home",
	"repair a pothole", "remove fly-tipping", "resolve a complaint at stage one",
	"issue an education, health and care plan", "complete a disabled facilities grant",
	"respond to a member enquiry", "pay an undisputed invoice", "clear graffiti",
	"complete a child and family assessment", "install a care package",
	"register a death", "inspect a food business", "resolve an environmental health request",
	"fill a staff vacancy",
}

var outcomes = []string{
	"in education, employment or training", "living independently",
	"who remain at home 91 days after discharge", "supported into work",
	"achieving a good level of development", "reporting that they feel safe",
	"with a personal budget", "still in their tenancy after 12 months",
	"who completed their treatment", "taking up their free childcare place",
	"receiving an annual health check", "who quit smoking at four weeks",
	"placed within the borough", "achieving level 2 by age 19",
	"helped to stay in their own home",
}

var problems = []string{
	"residential burglaries", "violence with injury offences", "missed bin collections",
	"fly-tipping incidents", "households in bed and breakfast accommodation",
	"delayed transfers of care", "first-time entrants to the youth justice system",
	"repeat referrals to children's social care", "emergency admissions for falls",
	"homelessness acceptances", "anti-social behaviour reports", "empty homes",
	"complaints escalated to the Ombudsman", "working days lost to sickness",
	"hate crime offences", "road traffic casualties", "noise complaints",
	"school exclusions", "unauthorised encampments", "stage two complaints",
}

var incomes = []string{
	"commercial waste", "filming and events", "the training academy", "pest control contracts",
	"parking permits", "the shared legal practice", "advertising", "room hire",
	"building control fees", "garden waste subscriptions", "property lettings",
	"the shared procurement service", "registrars' ceremonies", "sponsorship",
}

var areas = []string{
	"Ashfield", "Brook Green", "Canonbury Vale", "Dunmore", "Eastwick", "Fairholme",
	"Greenhill", "Hatch End", "Kingsmead", "Larkhill", "Marsh Lane", "Northcote",
	"Oakleigh", "Priory Park", "Queensbury", "Roxley", "Stanmore Heath", "Tudor Way",
	"Upton", "Wealdbrook", "Westcroft", "Yew Tree",
}

var statements = []string{
	"people from different backgrounds get on well together in their local area",
	"the council keeps them well informed", "the council provides value for money",
	"their local area is a good place to live", "they feel safe outside after dark",
	"the council acts on the concerns of residents", "they can influence decisions affecting their area",
	"parks and open spaces are well maintained",
}

var definitions = []string{
	"Counted at the end of the quarter, from the service's case management system.",
	"Cumulative from April; the target is profiled across the year.",
	"A snapshot on the last working day of the quarter.",
	"Rolling twelve months, reported a quarter in arrears.",
	"Taken from the national return; figures are provisional until the annual publication.",
	"From the residents' survey, weighted to the borough's population.",
}

// Narrative.

var verbs = []string{
	"completed", "launched", "delivered", "secured", "extended", "opened", "signed",
	"agreed", "finished", "began", "published", "reviewed",
}

var things = []string{
	"the new customer portal", "a shared service agreement with a neighbouring borough",
	"the first phase of the estate regeneration programme", "a refreshed carers' strategy",
	"the winter pressures plan", "a new commissioning framework for home care",
	"the borough's first business improvement district", "a pilot of digital self-assessment",
	"the schools expansion programme", "a partnership contract for the adult social care product",
	"the library modernisation plan", "a new apprenticeship scheme", "the air quality action plan",
	"a review of the temporary accommodation portfolio", "the town centre masterplan",
	"the local plan consultation", "a counter fraud strategy", "the community hubs programme",
	"the electric vehicle charging network", "a new contract for grounds maintenance",
}

var partners = []string{
	"the clinical commissioning group", "the Metropolitan Police", "local schools",
	"the voluntary sector forum", "housing associations", "the chamber of commerce",
	"neighbouring boroughs", "the further education college", "the fire brigade",
	"residents' associations", "the NHS trust", "faith groups",
}

var projectNames = []string{
	"Phoenix", "Horizon", "Keystone", "Meridian", "Beacon", "Compass", "Evergreen",
	"Lighthouse", "Pathway", "Summit", "Cornerstone", "Harbour",
}

var aims = []string{
	"Deliver new homes on council-owned land and use any profit to support council services",
	"Bring in commercial contributions to close the budget gap by 2019",
	"Create workspace to support the needs of growing local businesses",
	"Improve our staff survey engagement scores",
	"Reduce the number of families in bed and breakfast accommodation",
	"Make every contact count in adult social care",
	"Raise attainment for disadvantaged pupils",
	"Keep the borough's streets clean and free of fly-tipping",
	"Cut carbon emissions from council buildings",
	"Move more services online while keeping help for those who need it",
	"Support residents with long-term conditions to live independently",
	"Improve the timeliness of children's social care assessments",
	"Achieve the Healthy Workplace Charter excellence award",
	"Strengthen partnership work to tackle youth violence",
}

var progress = []string{
	"is proceeding according to plan", "is on track and monitored through regular budget monitoring",
	"has been delayed by the late award of the contract", "is ahead of schedule",
	"has moved into its delivery phase", "is under review following the consultation",
	"has completed its design stage", "is being re-planned after a change of scope",
}

var pressures = []string{
	"Demand remains very high and the complexity of cases continues to grow",
	"Recruitment to specialist posts remains difficult across London",
	"The service is carrying vacancies while the restructure is completed",
	"A change in the national definition affects comparisons with last year",
	"Seasonal pressures added to the number of cases in the quarter",
	"The new system went live during the quarter and some data is provisional",
	"Budget pressures have led to the postponement of non-essential work",
	"Performance is below target but improving month on month",
}

var actions = []string{
	"Additional staff are being recruited to keep caseloads manageable",
	"A recovery plan has been agreed with the service manager",
	"Management action is being taken to improve performance",
	"Weekly performance clinics now track every overdue case",
	"The team is working with partners to share data sooner",
	"A review of the process will report to the next Cabinet",
	"Targeted operations are focusing on the areas of highest need",
	"Staff have been trained in the new procedure",
}
