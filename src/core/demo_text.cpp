#include "core/demo_text.h"

#include <algorithm>
#include <array>
#include <numeric>

namespace knotmap::demo_text {
namespace {

using Words = std::span<const std::string_view>;

constexpr std::array<std::string_view, 72> kFirstNames{
    "Alex",  "Jordan",  "Sam",    "Priya",  "Mei",    "Daniel", "Sarah",  "Omar",   "Fatima",
    "Lucas", "Emma",    "Noah",   "Olivia", "Liam",   "Hannah", "Marcus", "Aisha",  "Ethan",
    "Grace", "Kenji",   "Yuki",   "Carlos", "Ana",    "Mateo",  "Sofia",  "Elena",  "Viktor",
    "Nadia", "Tom",     "Rachel", "Ben",    "Chloe",  "Ravi",   "Anjali", "Kwame",  "Amara",
    "Felix", "Clara",   "Hugo",   "Lena",   "Isaac",  "Maya",   "Leo",    "Nora",   "Owen",
    "Ruth",  "Simon",   "Tara",   "Victor", "Wendy",  "Xavier", "Yasmin", "Zara",   "Patrick",
    "Fiona", "Gabriel", "Helen",  "Ivan",   "Julia",  "Kai",    "Laura",  "Miguel", "Nina",
    "Oscar", "Paula",   "Rosa",   "Stefan", "Teresa", "Umar",   "Vera",   "Will",   "Imani"};

constexpr std::array<std::string_view, 80> kLastNames{
    "Morgan",   "Patel",    "Chen",     "Nguyen",  "Smith",   "Johnson",  "Okafor",    "Haddad",
    "Kowalski", "Rossi",    "Silva",    "Tanaka",  "Kim",     "Garcia",   "Martin",    "Brown",
    "Wilson",   "Taylor",   "Anderson", "Thomas",  "Moore",   "Jackson",  "White",     "Harris",
    "Clark",    "Lewis",    "Walker",   "Young",   "Allen",   "King",     "Wright",    "Scott",
    "Green",    "Baker",    "Adams",    "Nelson",  "Hill",    "Campbell", "Mitchell",  "Roberts",
    "Carter",   "Phillips", "Evans",    "Turner",  "Torres",  "Parker",   "Collins",   "Edwards",
    "Stewart",  "Flores",   "Murphy",   "Rivera",  "Cook",    "Reed",     "Bailey",    "Bell",
    "Cooper",   "Ward",     "Gray",     "Ramirez", "Watson",  "Brooks",   "Kelly",     "Price",
    "Bennett",  "Wood",     "Hughes",   "Foster",  "O'Brien", "Novak",    "Lindqvist", "Mensah",
    "Iyer",     "Kaur",     "Sato",     "Yilmaz",  "Abebe",   "Dubois",   "Jansen",    "MacLeod"};

constexpr std::array<std::string_view, 14> kAccentedFirstNames{
    "Zoë",   "Søren",  "José", "Chloé",    "Björn", "Anaïs", "Łukasz",
    "Renée", "Jürgen", "Inés", "François", "Siân",  "Dóra",  "Mårten"};

constexpr std::array<std::string_view, 14> kAccentedLastNames{
    "Fernández", "Ødegaard", "Müller",    "Gonçalves", "Løvland", "Çelik", "Šimić",
    "Kovács",    "Sánchez",  "Björklund", "Dvořák",    "Lefèvre", "Núñez", "Wójcik"};

constexpr std::array<std::string_view, 5> kDeskJobs{
    "Software developer, long hours at a laptop.",
    "Accountant; works from home at the kitchen table.", "Graphic designer, heavy mouse use.",
    "Call-centre team lead, headset all day.", "PhD student, writing up a thesis."};
constexpr std::array<std::string_view, 5> kRunnerJobs{
    "Marathon runner, about 50 km a week.", "Plays five-a-side football twice a week.",
    "Cyclist; long rides at the weekend.", "Trail runner training for an ultra.",
    "Tennis coach, on court most days."};
constexpr std::array<std::string_view, 5> kManualJobs{
    "Carpenter; lifts and kneels all day.", "Nurse on rotating shifts.",
    "Warehouse picker, night shifts.", "Landscape gardener.",
    "Plumber, a lot of work under sinks."};
constexpr std::array<std::string_view, 5> kArmsJobs{
    "Violinist in a community orchestra.", "Hairdresser, arms up all day.", "Dental hygienist.",
    "Guitar teacher.", "Barista, busy morning shifts."};
constexpr std::array<std::string_view, 5> kStressJobs{
    "Teacher; clenches jaw at night.", "Lawyer with a heavy caseload; grinds teeth.",
    "New parent, sleeping badly.", "Start-up founder, long stressful days.",
    "Air traffic controller."};
constexpr std::array<std::string_view, 5> kGeneralJobs{
    "Librarian; gardens at the weekend.", "Works in retail, on feet all day.",
    "Stay-at-home parent of two toddlers.", "Bus driver.", "Chef in a busy kitchen."};

constexpr std::array<std::string_view, 5> kRetired{
    "Retired teacher; gardens most days.", "Retired nurse, walks every morning.",
    "Retired engineer; plays golf twice a week.", "Retired, looks after the grandchildren.",
    "Retired bookkeeper, keen swimmer."};

constexpr std::array<std::string_view, 10> kClientRemarks{
    "Referred by GP for neck pain.",
    "Prefers firm pressure.",
    "Prefers light pressure on the neck.",
    "Old rotator cuff injury on the right.",
    "Allergic to arnica.",
    "Mild scoliosis.",
    "Has had migraines since childhood.",
    "Recovering from whiplash after a car accident.",
    "Goal: sleep through the night without neck pain.",
    "Hypermobile; go gently with stretches."};

constexpr std::array<std::string_view, 8> kMedications{
    "Ibuprofen 400 mg",  "Ibuprofen 200 mg", "Paracetamol 1 g",      "Naproxen 250 mg",
    "Diclofenac gel 1%", "Aspirin 500 mg",   "Cyclobenzaprine 5 mg", "Magnesium 300 mg"};

constexpr std::array<std::string_view, 5> kResolvedNotes{
    "Feels gone.", "No longer tender.", "Can't find it any more.", "Fully released.",
    "Only a faint ache left."};
constexpr std::array<std::string_view, 5> kHeatNotes{
    "Hot shower.", "Warm bath.", "Heat pack on the back.", "Sauna.", "Wheat bag on the neck."};
constexpr std::array<std::string_view, 7> kExerciseNotes{
    "Walk.", "Yoga.", "Swim.", "Easy bike ride.", "Pilates.", "Mobility routine.", "Tai chi."};
constexpr std::array<std::string_view, 7> kTherapyTreatmentNotes{
    "Released with sustained pressure.",
    "Twitch response, then release.",
    "Tolerated deep pressure well.",
    "Eased off; very tender today.",
    "Good release.",
    "Pin and stretch.",
    "Slow release over several minutes."};
constexpr std::array<std::string_view, 6> kVisitNotes{"Arrived ten minutes late.",
                                                      "Asked for more work on the neck.",
                                                      "Booked the next four sessions.",
                                                      "Discussed desk set-up.",
                                                      "Brought imaging report (unremarkable).",
                                                      "Short session at the client's request."};
constexpr std::array<std::string_view, 7> kWeekdays{"Monday", "Tuesday",  "Wednesday", "Thursday",
                                                    "Friday", "Saturday", "Sunday"};

std::string_view sideName(Side side) {
    return side == Side::Left ? "left" : "right";
}
std::string_view otherSideName(Side side) {
    return side == Side::Left ? "right" : "left";
}

// Replaces every "{side}" and "{other}" in pattern.
std::string fillSides(std::string_view pattern, Side side) {
    std::string text;
    for (std::size_t i = 0; i < pattern.size();) {
        if (pattern.substr(i, 6) == "{side}") {
            text += sideName(side);
            i += 6;
        } else if (pattern.substr(i, 7) == "{other}") {
            text += otherSideName(side);
            i += 7;
        } else {
            text += pattern[i++];
        }
    }
    return text;
}

Words knotNotesFor(BodyArea area) {
    static constexpr std::array<std::string_view, 4> head{
        "Jaw tight in the morning.", "Clenching again.", "Temple throbs by the afternoon.",
        "Sore chewing on the {side}."};
    static constexpr std::array<std::string_view, 4> neck{
        "Hurts turning my head to the {other}.", "Stiff first thing in the morning.",
        "Worse after screen time.", "Pulls up into the back of the head."};
    static constexpr std::array<std::string_view, 4> shoulder{
        "Aches reaching overhead.", "Worse after carrying bags on the {side}.",
        "Feels like a marble under the skin.", "Can't sleep on the {side} side."};
    static constexpr std::array<std::string_view, 3> upperBack{
        "Burning between the shoulder blades.", "Nagging spot next to the shoulder blade.",
        "Better after a doorway stretch."};
    static constexpr std::array<std::string_view, 4> lowBack{
        "Stiff getting out of bed.", "Worse after sitting all day.",
        "Catches when I bend to tie shoes.", "Ache across the belt line."};
    static constexpr std::array<std::string_view, 3> hip{
        "Sore lying on the {side} side.", "Ache deep in the buttock.", "Tight climbing stairs."};
    static constexpr std::array<std::string_view, 4> leg{
        "Tight after running.", "Cramped overnight.", "Sore on the stairs.",
        "Feels better once warmed up."};
    static constexpr std::array<std::string_view, 3> arm{
        "Sore gripping the mouse.", "Tingles into the fingers.", "Aches opening jars."};
    static constexpr std::array<std::string_view, 2> chest{"Tight after a long typing day.",
                                                           "Pulls when I reach across."};
    switch (area) {
    case BodyArea::Head:
        return head;
    case BodyArea::Neck:
        return neck;
    case BodyArea::Shoulder:
        return shoulder;
    case BodyArea::UpperBack:
        return upperBack;
    case BodyArea::LowBack:
        return lowBack;
    case BodyArea::Hip:
        return hip;
    case BodyArea::Leg:
        return leg;
    case BodyArea::Arm:
        return arm;
    case BodyArea::Chest:
        return chest;
    }
    return neck;
}

constexpr std::array<std::string_view, 6> kGeneralKnotNotes{
    "Pop when pressing on it.", "Softer after heat.",        "Tender to touch.",
    "Crunchy under the ball.",  "Ropey band, easy to find.", "Comes and goes."};
constexpr std::array<std::string_view, 3> kQuietKnotNotes{
    "Barely noticeable today.", "Only when I press on it.", "Much calmer."};

Words overuseStories(int lifestyle) {
    static constexpr std::array<std::string_view, 3> desk{
        "Long day at the laptop.", "Lots of typing today.", "Marathon spreadsheet session."};
    static constexpr std::array<std::string_view, 4> runner{
        "Long run this morning.", "Hill intervals today.", "Trail run, 18 km.",
        "Two matches this weekend."};
    static constexpr std::array<std::string_view, 3> manual{
        "Heavy lifting at work.", "Moved furniture all day.", "Double shift."};
    static constexpr std::array<std::string_view, 3> arms{
        "Three-hour rehearsal.", "Back-to-back clients today.", "Practised for hours."};
    static constexpr std::array<std::string_view, 2> stress{"Caught myself clenching all day.",
                                                            "Chewed gum all afternoon."};
    static constexpr std::array<std::string_view, 3> general{
        "Gardening all afternoon.", "Helped a friend move house.", "Painted the hallway."};
    switch (lifestyle) {
    case 0:
        return desk;
    case 1:
        return runner;
    case 2:
        return manual;
    case 3:
        return arms;
    case 4:
        return stress;
    default:
        return general;
    }
}

// How a client's main self-care habit reads inside a sentence.
std::string_view carePhrase(std::string_view code) {
    if (code == "foam_roller") {
        return "foam rolling";
    }
    if (code == "massage_ball") {
        return "the massage ball";
    }
    if (code == "massage_gun") {
        return "the massage gun";
    }
    if (code == "heat") {
        return "heat";
    }
    if (code == "ice") {
        return "icing";
    }
    if (code == "rest") {
        return "resting";
    }
    if (code == "hydration") {
        return "drinking more water";
    }
    if (code == "gentle_exercise") {
        return "walking";
    }
    return "stretching";
}

std::string_view trendPhrase(int change) {
    if (change <= -2) {
        return "much better";
    }
    if (change == -1) {
        return "a little better";
    }
    if (change == 0) {
        return "about the same";
    }
    if (change == 1) {
        return "slightly worse";
    }
    return "worse";
}

std::string_view rangeOfMotion(Random& random, BodyArea area) {
    switch (area) {
    case BodyArea::Head:
        return "Jaw opening slightly reduced.";
    case BodyArea::Neck:
        return random.chance(0.5) ? "Cervical rotation to the {other} limited."
                                  : "Side bending to the {other} tight.";
    case BodyArea::Shoulder:
        return "Shoulder abduction painful at end range.";
    case BodyArea::UpperBack:
        return "Thoracic extension stiff.";
    case BodyArea::LowBack:
        return random.chance(0.5) ? "Lumbar flexion limited by pain."
                                  : "Pain on extension and side bending to the {side}.";
    case BodyArea::Hip:
        return "Hip internal rotation tight on the {side}.";
    case BodyArea::Leg:
        return "Tighter on the {side} than the {other}.";
    case BodyArea::Arm:
        return "Grip provokes pain on the {side}.";
    case BodyArea::Chest:
        return "Rounded shoulder posture.";
    }
    return "";
}

std::string_view palpation(Random& random, int pain) {
    static constexpr std::array<std::string_view, 3> severe{
        "Active trigger point with local twitch response",
        "Exquisitely tender nodule in a taut band", "Marked hypertonicity and a tender nodule"};
    static constexpr std::array<std::string_view, 3> moderate{
        "Taut band with a tender nodule", "Ropey, tender band",
        "Moderate tenderness and increased tone"};
    static constexpr std::array<std::string_view, 3> mild{
        "Mild tenderness only", "Latent trigger point, tender on pressure",
        "Tissue softer, minimal tenderness"};
    if (pain >= 6) {
        return pick(random, severe);
    }
    if (pain >= 3) {
        return pick(random, moderate);
    }
    return pick(random, mild);
}

void appendSentence(std::string& text, std::string_view sentence) {
    if (sentence.empty()) {
        return;
    }
    if (!text.empty()) {
        text += ' ';
    }
    text += sentence;
}

std::string capitalised(std::string text) {
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') {
        text[0] = static_cast<char>(text[0] - 'a' + 'A');
    }
    return text;
}

std::string subjective(Random& random, const VisitContext& context, const VisitFinding& top) {
    static constexpr std::array<std::string_view, 4> openers{"Reports", "Client reports", "States",
                                                             "Says"};
    const std::string label = inSentence(top.label);
    std::string text(pick(random, openers));
    if (top.isNew) {
        text += " new pain in the " + label + " over the past few days.";
    } else if (top.previousPain < 0) {
        text = "Describes the " + label + " as the main problem this week.";
    } else {
        const int change = top.pain - top.previousPain;
        if (random.chance(0.5)) {
            text +=
                " the " + label + " " + std::string(trendPhrase(change)) + " since the last visit.";
        } else {
            text += " " + label + " " + std::string(trendPhrase(change)) + " since last week.";
        }
    }
    if (context.day.injury) {
        static constexpr std::array<std::string_view, 3> injury{
            "Tweaked it lifting a heavy box.", "Slipped on the stairs at the weekend.",
            "Jarred it carrying a suitcase."};
        appendSentence(text, pick(random, injury));
    } else if (context.day.overuse) {
        appendSentence(text, pick(random, overuseStories(context.lifestyle)));
    } else if (context.day.poorSleep) {
        static constexpr std::array<std::string_view, 3> sleep{
            "Sleeping badly this week.", "Poor sleep, waking at 4 most nights.",
            "Restless nights lately."};
        appendSentence(text, pick(random, sleep));
    } else if (context.day.stress) {
        static constexpr std::array<std::string_view, 3> stress{
            "Stressful week at work.", "Busy, stressful week.", "Family stress lately."};
        appendSentence(text, pick(random, stress));
    } else if (context.day.staticPosition) {
        static constexpr std::array<std::string_view, 3> still{
            "Long drive at the weekend.", "Long-haul flight on Sunday.", "Long days at the desk."};
        appendSentence(text, pick(random, still));
    } else if (random.chance(0.5)) {
        const std::string care(carePhrase(context.selfCareCode));
        switch (random.uniformInt(0, 2)) {
        case 0:
            appendSentence(text, "Keeping up with " + care + " most days.");
            break;
        case 1:
            appendSentence(text, "Says " + care + " helps.");
            break;
        default:
            appendSentence(text, "Not much time for the home programme.");
            break;
        }
    }
    if (random.chance(0.4)) {
        appendSentence(text, "Rates it " + std::to_string(top.pain) + "/10.");
    }
    return text;
}

std::string objective(Random& random, const VisitContext& context,
                      const std::vector<std::size_t>& order) {
    const auto& findings = *context.findings;
    std::string text;
    const std::size_t described = std::min<std::size_t>(order.size(), random.chance(0.5) ? 1 : 2);
    for (std::size_t i = 0; i < described; ++i) {
        const VisitFinding& finding = findings[order[i]];
        appendSentence(text, std::string(palpation(random, finding.pain)) + " in the " +
                                 inSentence(finding.label) + " (" + std::to_string(finding.pain) +
                                 "/10 on palpation).");
    }
    if (!order.empty() && random.chance(0.6)) {
        const VisitFinding& top = findings[order.front()];
        appendSentence(text, fillSides(rangeOfMotion(random, top.area), top.side));
    }
    if (context.discovered && !findings.empty()) {
        appendSentence(text, "New latent trigger point found in the " +
                                 inSentence(findings.back().label) + ".");
    }
    return text;
}

std::string assessment(Random& random, const VisitContext& context,
                       const std::vector<std::size_t>& order) {
    const auto& findings = *context.findings;
    int compared = 0;
    int change = 0;
    int active = 0;
    for (const VisitFinding& finding : findings) {
        if (finding.previousPain >= 0) {
            ++compared;
            change += finding.pain - finding.previousPain;
        }
        if (finding.pain >= 4) {
            ++active;
        }
    }
    std::string text;
    if (compared > 0 && change * 10 <= -7 * compared) {
        static constexpr std::array<std::string_view, 3> better{
            "Myofascial pain improving; responding well to treatment.",
            "Good progress since the last visit.", "Steady improvement, fewer active points."};
        text = pick(random, better);
    } else if (compared > 0 && change * 10 >= 7 * compared) {
        std::string_view cause = "load";
        if (context.day.stress) {
            cause = "stress";
        } else if (context.day.poorSleep) {
            cause = "sleep";
        } else if (context.day.overuse) {
            cause = "overuse";
        } else if (context.day.staticPosition) {
            cause = "posture";
        }
        switch (random.uniformInt(0, 2)) {
        case 0:
            text = "Flare-up, likely " + std::string(cause) + "-related.";
            break;
        case 1:
            text = "Symptoms flared since the last visit.";
            break;
        default:
            text = "Aggravated; tissue more reactive than usual.";
            break;
        }
    } else {
        static constexpr std::array<std::string_view, 3> stable{
            "Myofascial pain, stable.", "Little change since the last visit.",
            "Chronic pattern, holding steady."};
        text = pick(random, stable);
    }
    if (random.chance(0.5)) {
        appendSentence(text, active == 1 ? std::string("1 active trigger point.")
                                         : std::to_string(active) + " active trigger points.");
    }
    for (const VisitFinding& finding : findings) {
        if (finding.healing) {
            appendSentence(text, capitalised(inSentence(finding.label)) + " nearly clear.");
            break;
        }
    }
    if (!order.empty() && random.chance(0.25)) {
        appendSentence(text, capitalised(inSentence(findings[order.front()].label)) +
                                 " remains the main driver.");
    }
    return text;
}

std::string plan(Random& random, const VisitContext& context, const std::string& topLabel) {
    std::string text;
    const std::string care(carePhrase(context.selfCareCode));
    const int count = random.chance(0.6) ? 1 : 2;
    int last = -1;
    for (int i = 0; i < count; ++i) {
        int choice = random.uniformInt(0, context.physio ? 7 : 5);
        if (choice == last) {
            choice = (choice + 1) % (context.physio ? 8 : 6);
        }
        last = choice;
        switch (choice) {
        case 0:
            appendSentence(text, "Continue " + care + " daily; review in one week.");
            break;
        case 1:
            appendSentence(text, "Home stretches twice daily, 3 x 30 s.");
            break;
        case 2:
            appendSentence(text, "Heat before stretching; regular breaks from sitting.");
            break;
        case 3:
            appendSentence(text, "Weekly sessions; re-assess the " + topLabel + " next visit.");
            break;
        case 4:
            appendSentence(text,
                           "Self-massage with a ball on the " + topLabel + ", 2 minutes a day.");
            break;
        case 5:
            appendSentence(text, "Continue the current plan.");
            break;
        case 6:
            appendSentence(text, "Progress strengthening; add band rows.");
            break;
        default:
            appendSentence(text, "Consider dry needling for the " + topLabel + " next visit.");
            break;
        }
    }
    return text;
}

} // namespace

std::span<const std::string_view> firstNames() {
    return kFirstNames;
}
std::span<const std::string_view> lastNames() {
    return kLastNames;
}
std::span<const std::string_view> accentedFirstNames() {
    return kAccentedFirstNames;
}
std::span<const std::string_view> accentedLastNames() {
    return kAccentedLastNames;
}

std::span<const std::string_view> occupations(int lifestyle) {
    switch (lifestyle) {
    case 0:
        return kDeskJobs;
    case 1:
        return kRunnerJobs;
    case 2:
        return kManualJobs;
    case 3:
        return kArmsJobs;
    case 4:
        return kStressJobs;
    default:
        return kGeneralJobs;
    }
}

std::span<const std::string_view> retiredOccupations() {
    return kRetired;
}
std::span<const std::string_view> clientRemarks() {
    return kClientRemarks;
}
std::span<const std::string_view> medications() {
    return kMedications;
}
std::span<const std::string_view> resolvedNotes() {
    return kResolvedNotes;
}
std::span<const std::string_view> heatNotes() {
    return kHeatNotes;
}
std::span<const std::string_view> exerciseNotes() {
    return kExerciseNotes;
}
std::span<const std::string_view> therapyTreatmentNotes() {
    return kTherapyTreatmentNotes;
}
std::span<const std::string_view> visitNotes() {
    return kVisitNotes;
}

std::string_view weekdayName(int weekday) {
    return kWeekdays[static_cast<std::size_t>(((weekday % 7) + 7) % 7)];
}

std::string inSentence(const std::string& label) {
    std::string text = label;
    const bool acronym = text.size() >= 2 && text[1] >= 'A' && text[1] <= 'Z';
    if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z' && !acronym) {
        text[0] = static_cast<char>(text[0] - 'A' + 'a');
    }
    return text;
}

std::string knotNote(Random& random, BodyArea area, Side side, int pain) {
    if (pain <= 2 && random.chance(0.5)) {
        return std::string(pick(random, kQuietKnotNotes));
    }
    if (random.chance(0.35)) {
        return std::string(pick(random, kGeneralKnotNotes));
    }
    return fillSides(pick(random, knotNotesFor(area)), side);
}

std::string checkInNote(Random& random, const DayFlags& day, int lifestyle, int overallPain) {
    if (day.poorSleep && random.chance(0.6)) {
        static constexpr std::array<std::string_view, 3> sleep{
            "Slept badly.", "Woke up stiff after a rough night.", "Awake at 3 am again."};
        return std::string(pick(random, sleep));
    }
    if (day.overuse && random.chance(0.7)) {
        return std::string(pick(random, overuseStories(lifestyle)));
    }
    if (day.stress && random.chance(0.6)) {
        static constexpr std::array<std::string_view, 3> stress{
            "Stressful day.", "Deadline week.", "Tense all day, shoulders up by my ears."};
        return std::string(pick(random, stress));
    }
    if (day.staticPosition && random.chance(0.6)) {
        static constexpr std::array<std::string_view, 3> still{
            "Long drive today.", "Sat in meetings all day.", "Four hours on the train."};
        return std::string(pick(random, still));
    }
    static constexpr std::array<std::string_view, 3> good{"Good day.", "Feeling pretty good.",
                                                          "Barely noticed it today."};
    static constexpr std::array<std::string_view, 4> usual{"Usual aches.", "Not bad, a bit stiff.",
                                                           "Okay day.", "Forgot to stretch."};
    static constexpr std::array<std::string_view, 3> bad{
        "Rough day.", "Pain made it hard to focus.", "Had to stop early."};
    if (overallPain <= 2) {
        return std::string(pick(random, good));
    }
    if (overallPain >= 6) {
        return std::string(pick(random, bad));
    }
    return std::string(pick(random, usual));
}

SoapNote composeSoap(Random& random, const VisitContext& context) {
    SoapNote note;
    if (context.findings == nullptr || context.findings->empty()) {
        note.subjective = "No complaints today.";
        note.plan = "Continue the current plan.";
        return note;
    }
    const auto& findings = *context.findings;
    std::vector<std::size_t> order(findings.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&findings](std::size_t a, std::size_t b) {
        return findings[a].pain > findings[b].pain;
    });
    const VisitFinding& top = findings[order.front()];
    note.subjective = subjective(random, context, top);
    note.objective = objective(random, context, order);
    note.assessment = assessment(random, context, order);
    note.plan = plan(random, context, inSentence(top.label));
    return note;
}

} // namespace knotmap::demo_text
