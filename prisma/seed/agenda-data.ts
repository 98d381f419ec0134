/**
 * Demo seed data: the recommendations of Sarah H. Cleveland, "A Human Rights
 * Agenda for the Biden Administration", AJIL Unbound 115 (2021), CC BY 4.0,
 * turned into a tracker snapshot as a team might have kept it in 2021–2022.
 *
 * - Sections follow the essay's five stages, in order.
 * - Every `sourcePassage` is copied verbatim from
 *   `prisma/seed/documents/human-rights-agenda-2021.txt` (the essay keeps the
 *   PDF's hard line breaks, so a few passages contain "\n" exactly where the
 *   essay does). `agenda-data.test.ts` checks this.
 * - Statuses, justifications and evidence describe the situation around
 *   early/mid 2021–2022. Evidence links point at primary documents where
 *   possible (Federal Register, White House, State Department, ICC), otherwise
 *   at news or NGO reporting of the action.
 */

export type SeedStatus =
  "NOT_STARTED" | "IN_PROGRESS" | "STALLED" | "PARTIALLY_ACHIEVED" | "ACHIEVED" | "REVERSED";
export type SeedSourceType =
  | "OFFICIAL_STATEMENT"
  | "EXECUTIVE_ACTION"
  | "LEGISLATION"
  | "COURT_RULING"
  | "UN_DOCUMENT"
  | "NEWS"
  | "NGO_REPORT"
  | "OTHER";
export type SeedStance = "PROGRESS" | "SETBACK" | "CONTEXT";
export type SeedPerson = "owner" | "editor" | "viewer"; // the three demo users
export type SeedEvidence = {
  title: string;
  url: string;
  sourceType: SeedSourceType;
  publishedAt: string /* YYYY-MM-DD */;
  stance: SeedStance;
  quote?: string;
};
export type SeedRecommendation = {
  title: string; // short, imperative, <= 90 chars
  text: string; // full text of the recommendation, 1-3 sentences, faithful to the essay
  sourcePassage: string; // an EXACT substring of the essay file
  targetActor: string; // who must act
  needsLegislation: boolean; // true only if Congress/Senate must act
  priority: "LOW" | "MEDIUM" | "HIGH";
  tags: string[]; // 1-3 lowercase topical tags
  status: SeedStatus;
  statusJustification?: string; // required when status != NOT_STARTED
  owners: SeedPerson[]; // 0-2 of "owner" | "editor"
  dueDate?: string; // YYYY-MM-DD
  evidence: SeedEvidence[]; // 0-2 items
  comments: { author: SeedPerson; body: string }[]; // 0-2 short team comments (markdown allowed)
  actions: { title: string; owner?: SeedPerson; dueDate?: string; done: boolean }[]; // 0-3 advocacy actions
};
export type SeedSection = { title: string; description: string; recommendations: SeedRecommendation[] };

export const agendaDocument = {
  title: "A Human Rights Agenda for the Biden Administration",
  author: "Sarah H. Cleveland",
  citation:
    'Sarah H. Cleveland, "A Human Rights Agenda for the Biden Administration", AJIL Unbound 115 (2021), CC BY 4.0',
  fileName: "human-rights-agenda-2021.txt",
};

export const agendaSections: SeedSection[] = [
  // ---------------------------------------------------------------------------
  {
    title: "Reverse and Revoke",
    description:
      "Quickly undo the Trump administration's measures at home and abroad that stained the United States' human rights record, as the essential first step toward restoring its credibility.",
    recommendations: [
      {
        title: "Recommit to closing the Guantánamo Bay detention facility",
        text: "Reverse the Trump administration's abandonment of the goal of closing Guantánamo and recommit the United States to closing the detention facility.",
        sourcePassage: "the goal of closing Guantánamo",
        targetActor: "White House",
        needsLegislation: true,
        priority: "HIGH",
        tags: ["detention", "counterterrorism"],
        status: "IN_PROGRESS",
        statusJustification:
          "The White House said in February 2021 that closing Guantánamo is its goal and started an NSC review; the first detainee transfer (to Morocco) followed in July 2021, but NDAA transfer restrictions still block closure.",
        owners: ["owner"],
        evidence: [],
        comments: [
          {
            author: "owner",
            body: "Closure ultimately needs Congress: the NDAA bars transfers to the US. Let's track the annual NDAA text, not just White House statements.",
          },
        ],
        actions: [
          {
            title: "Brief Senate Armed Services staff on the NDAA transfer restrictions",
            owner: "owner",
            dueDate: "2021-11-30",
            done: true,
          },
          { title: "Map detainees cleared for transfer and their status", owner: "editor", done: false },
        ],
      },
      {
        title: "Restore restrictions on targeted killings",
        text: "Reinstate the restrictions on targeted killings that the Trump administration revoked.",
        sourcePassage: "revoked restrictions on targeted killings",
        targetActor: "White House",
        needsLegislation: false,
        priority: "HIGH",
        tags: ["counterterrorism", "armed-conflict"],
        status: "IN_PROGRESS",
        statusJustification:
          "Interim guidance issued on inauguration day requires White House approval for strikes outside conventional war zones while a broader policy review is under way.",
        owners: ["editor"],
        evidence: [],
        comments: [],
        actions: [
          {
            title: "Request a briefing from the NSC on the counterterrorism strike policy review",
            owner: "editor",
            done: false,
          },
        ],
      },
      {
        title: "Reinstate the ban on anti-personnel landmines",
        text: "Reverse the Trump administration's rollback of the US ban on anti-personnel mines.",
        sourcePassage: "reversed the ban on anti-personnel",
        targetActor: "White House",
        needsLegislation: false,
        priority: "MEDIUM",
        tags: ["armed-conflict", "treaties"],
        status: "PARTIALLY_ACHIEVED",
        statusJustification:
          "On 21 June 2022 the White House aligned US landmine policy with key provisions of the Ottawa Convention and barred production and acquisition, but the Korean Peninsula is exempted.",
        owners: ["editor"],
        evidence: [
          {
            title:
              "Statement by NSC Spokesperson Adrienne Watson on Changes to U.S. Anti-Personnel Landmine Policy",
            url: "https://www.whitehouse.gov/briefing-room/statements-releases/2022/06/21/statement-by-nsc-spokesperson-adrienne-watson-on-changes-to-u-s-anti-personnel-landmine-policy/",
            sourceType: "OFFICIAL_STATEMENT",
            publishedAt: "2022-06-21",
            stance: "PROGRESS",
          },
        ],
        comments: [],
        actions: [],
      },
      {
        title: "End support for the Saudi-led war in Yemen",
        text: "Reverse the Trump administration's support for the Saudis' atrocity-riddled war in Yemen.",
        sourcePassage: "supported the Saudis’ atrocity-riddled war in Yemen",
        targetActor: "White House",
        needsLegislation: false,
        priority: "HIGH",
        tags: ["armed-conflict", "accountability"],
        status: "PARTIALLY_ACHIEVED",
        statusJustification:
          "In his 4 February 2021 State Department speech the President ended US support for offensive operations in Yemen, including relevant arms sales, but support for Saudi 'defensive' needs continues.",
        owners: ["owner", "editor"],
        evidence: [
          {
            title: "Remarks by President Biden on America's Place in the World",
            url: "https://www.whitehouse.gov/briefing-room/speeches-remarks/2021/02/04/remarks-by-president-biden-on-americas-place-in-the-world/",
            sourceType: "OFFICIAL_STATEMENT",
            publishedAt: "2021-02-04",
            stance: "PROGRESS",
          },
        ],
        comments: [
          {
            author: "editor",
            body: "The line between 'offensive' and 'defensive' support is doing a lot of work here. We should ask which pending arms sales were actually paused.",
          },
        ],
        actions: [
          {
            title: "Compile the list of arms sales to Saudi Arabia notified to Congress since February 2021",
            done: false,
          },
        ],
      },
      {
        title: "Halt federal executions",
        text: "Reverse the Trump administration's reinvigoration of the federal death penalty.",
        sourcePassage: "reinvigorated the federal\ndeath penalty",
        targetActor: "Department of Justice",
        needsLegislation: false,
        priority: "HIGH",
        tags: ["death-penalty"],
        status: "PARTIALLY_ACHIEVED",
        statusJustification:
          "Attorney General Garland imposed a moratorium on federal executions on 1 July 2021 pending a policy review, but DOJ still defends existing death sentences, including before the Supreme Court in the Tsarnaev case.",
        owners: ["owner"],
        evidence: [
          {
            title: "Attorney General Merrick Garland Orders Moratorium On Federal Executions",
            url: "https://www.huffpost.com/entry/merrick-garland-moratorium-federal-executions_n_60de4cd1e4b0ad1785d9d30d",
            sourceType: "NEWS",
            publishedAt: "2021-07-01",
            stance: "PROGRESS",
          },
        ],
        comments: [],
        actions: [
          {
            title: "Join the coalition letter urging commutation of federal death sentences",
            owner: "owner",
            done: false,
          },
        ],
      },
      {
        title: "Stop privileging religion over reproductive health",
        text: "Reverse the Trump administration's policy of privileging religion over reproductive health, reflected in Executive Order 13798.",
        sourcePassage: "privileged religion over reproductive health",
        targetActor: "White House",
        needsLegislation: false,
        priority: "MEDIUM",
        tags: ["reproductive-rights", "religious-freedom"],
        status: "NOT_STARTED",
        owners: [],
        evidence: [],
        comments: [],
        actions: [],
      },
      {
        title: "Restore litigation positions protecting transgender and LGBT persons",
        text: "Reverse the Trump administration's litigation positions on protections for transgender and other LGBT persons.",
        sourcePassage: "for transgender and other LGBT persons",
        targetActor: "Department of Justice",
        needsLegislation: false,
        priority: "HIGH",
        tags: ["lgbtqi", "litigation"],
        status: "IN_PROGRESS",
        statusJustification:
          "Executive Order 13988 directs agencies to apply Bostock v. Clayton County to all federal sex-discrimination laws; DOJ is revisiting its positions case by case.",
        owners: ["editor"],
        evidence: [
          {
            title:
              "Executive Order 13988: Preventing and Combating Discrimination on the Basis of Gender Identity or Sexual Orientation",
            url: "https://www.federalregister.gov/documents/2021/01/25/2021-01761/preventing-and-combating-discrimination-on-the-basis-of-gender-identity-or-sexual-orientation",
            sourceType: "EXECUTIVE_ACTION",
            publishedAt: "2021-01-25",
            stance: "PROGRESS",
          },
        ],
        comments: [],
        actions: [
          {
            title: "Track DOJ statements of interest in Title IX cases involving transgender students",
            owner: "editor",
            done: false,
          },
        ],
      },
      {
        title: "Reverse the federal litigation position on health insurance",
        text: "Reverse the Trump administration's litigation positions on health insurance protections.",
        sourcePassage: "LGBT persons, health insurance",
        targetActor: "Department of Justice",
        needsLegislation: false,
        priority: "MEDIUM",
        tags: ["health", "litigation"],
        status: "ACHIEVED",
        statusJustification:
          "In February 2021 DOJ told the Supreme Court it no longer argues that the Affordable Care Act is unconstitutional; the Court rejected the challenge for lack of standing on 17 June 2021.",
        owners: [],
        evidence: [
          {
            title: "California v. Texas, No. 19-840 (U.S. June 17, 2021)",
            url: "https://www.supremecourt.gov/opinions/20pdf/19-840_6jfm.pdf",
            sourceType: "COURT_RULING",
            publishedAt: "2021-06-17",
            stance: "CONTEXT",
          },
        ],
        comments: [],
        actions: [],
      },
      {
        title: "Reverse litigation positions against reproductive rights",
        text: "Reverse the Trump administration's litigation positions on reproductive rights.",
        sourcePassage: "insurance, reproductive rights",
        targetActor: "Department of Justice",
        needsLegislation: false,
        priority: "HIGH",
        tags: ["reproductive-rights", "litigation"],
        status: "IN_PROGRESS",
        statusJustification:
          "DOJ sued Texas over SB 8 in September 2021 and the Solicitor General filed in support of the clinic in Dobbs v. Jackson Women's Health Organization.",
        owners: ["owner"],
        dueDate: "2022-06-30",
        evidence: [],
        comments: [
          {
            author: "owner",
            body: "Dobbs decision expected by end of June 2022 — whatever happens, this item will need a full rewrite.",
          },
        ],
        actions: [],
      },
      {
        title: "Restore support for corporate human rights responsibility in litigation",
        text: "Reverse the Trump administration's litigation positions on corporate human rights responsibility, such as its amicus brief in Jesner v. Arab Bank.",
        sourcePassage: "and corporate human rights\nresponsibility",
        targetActor: "Department of Justice",
        needsLegislation: false,
        priority: "LOW",
        tags: ["business-human-rights", "litigation"],
        status: "NOT_STARTED",
        owners: [],
        evidence: [],
        comments: [
          {
            author: "editor",
            body: "Before we mark this as anything other than not started, someone should read what the SG filed in *Nestlé USA v. Doe*.",
          },
        ],
        actions: [],
      },
      {
        title: "Restore civil rights oversight of discriminatory police departments",
        text: "Reverse the easing of federal civil rights oversight of discriminatory police departments.",
        sourcePassage: "eased civil rights oversight of discriminatory police departments",
        targetActor: "Department of Justice",
        needsLegislation: false,
        priority: "HIGH",
        tags: ["racial-justice", "policing"],
        status: "IN_PROGRESS",
        statusJustification:
          "On 16 April 2021 Attorney General Garland rescinded the 2018 Sessions memo curtailing consent decrees, and DOJ opened pattern-or-practice investigations into the Minneapolis and Louisville police departments that month.",
        owners: ["owner", "editor"],
        evidence: [
          {
            title: "Garland rescinds Trump-era memo curtailing consent decrees (AP)",
            url: "https://apnews.com/article/politics-merrick-garland-jeff-sessions-police-local-governments-075b33730688fe6151f25d76da034413",
            sourceType: "NEWS",
            publishedAt: "2021-04-16",
            stance: "PROGRESS",
          },
        ],
        comments: [],
        actions: [
          {
            title: "Collect local partners' input for the Minneapolis pattern-or-practice investigation",
            owner: "editor",
            done: true,
          },
          {
            title: "Monitor new pattern-or-practice investigations opened by the Civil Rights Division",
            done: false,
          },
        ],
      },
      {
        title: "Revoke the travel ban on Muslim-majority countries",
        text: "Reverse the zero-tolerance immigration policy that banned entry from Muslim-majority countries (Proclamation 9645).",
        sourcePassage: "banned entry from Muslim-majority countries",
        targetActor: "White House",
        needsLegislation: false,
        priority: "HIGH",
        tags: ["migration", "nondiscrimination"],
        status: "ACHIEVED",
        statusJustification:
          "Proclamation 10141 of 20 January 2021 revoked Executive Order 13780 and Proclamations 9645, 9723 and 9983 and ordered visa processing to resume.",
        owners: ["owner"],
        evidence: [
          {
            title: "Proclamation 10141: Ending Discriminatory Bans on Entry to the United States",
            url: "https://www.federalregister.gov/documents/2021/01/25/2021-01749/ending-discriminatory-bans-on-entry-to-the-united-states",
            sourceType: "EXECUTIVE_ACTION",
            publishedAt: "2021-01-25",
            stance: "PROGRESS",
          },
        ],
        comments: [
          {
            author: "owner",
            body: "Done on day one. Keeping an eye on how people refused visas under the ban get their applications reconsidered.",
          },
        ],
        actions: [],
      },
      {
        title: "End family separation and reunify separated families",
        text: "Reverse the zero-tolerance immigration policy that separated families at the border.",
        sourcePassage: "separated families, and",
        targetActor: "Department of Homeland Security",
        needsLegislation: false,
        priority: "HIGH",
        tags: ["migration", "children"],
        status: "IN_PROGRESS",
        statusJustification:
          "Executive Order 14011 of 2 February 2021 set up the Interagency Task Force on the Reunification of Families, which is still identifying and reuniting separated children.",
        owners: ["editor"],
        evidence: [
          {
            title:
              "Executive Order 14011: Establishment of Interagency Task Force on the Reunification of Families",
            url: "https://www.federalregister.gov/documents/2021/02/05/2021-02562/establishment-of-interagency-task-force-on-the-reunification-of-families",
            sourceType: "EXECUTIVE_ACTION",
            publishedAt: "2021-02-05",
            stance: "PROGRESS",
          },
        ],
        comments: [],
        actions: [
          { title: "Request the task force's latest interim progress report", owner: "editor", done: false },
        ],
      },
      {
        title: "Restore the annual refugee admissions ceiling",
        text: "Reverse the zero-tolerance immigration policy that slashed the annual refugee admission quota.",
        sourcePassage: "slashed the annual refugee admission quota",
        targetActor: "White House",
        needsLegislation: false,
        priority: "HIGH",
        tags: ["migration", "refugees"],
        status: "PARTIALLY_ACHIEVED",
        statusJustification:
          "The ceiling was raised to 62,500 for FY2021 and set at 125,000 for FY2022, but actual admissions remain far below the ceiling while the resettlement program is rebuilt.",
        owners: ["owner"],
        evidence: [
          {
            title:
              "Executive Order 14013: Rebuilding and Enhancing Programs To Resettle Refugees and Planning for the Impact of Climate Change on Migration",
            url: "https://www.federalregister.gov/documents/2021/02/09/2021-02804/rebuilding-and-enhancing-programs-to-resettle-refugees-and-planning-for-the-impact-of-climate-change",
            sourceType: "EXECUTIVE_ACTION",
            publishedAt: "2021-02-09",
            stance: "PROGRESS",
          },
          {
            title: "Presidential Determination on Refugee Admissions for Fiscal Year 2022",
            url: "https://www.whitehouse.gov/briefing-room/statements-releases/2021/10/08/memorandum-for-the-secretary-of-state-on-presidential-determination-on-refugee-admissions-for-fiscal-year-2022/",
            sourceType: "EXECUTIVE_ACTION",
            publishedAt: "2021-10-08",
            stance: "PROGRESS",
          },
        ],
        comments: [
          {
            author: "editor",
            body: "The ceiling is only half the story. Let's add monthly admissions figures so the gap is visible.",
          },
        ],
        actions: [
          {
            title: "Add monthly refugee arrival figures to the dashboard",
            owner: "editor",
            dueDate: "2022-01-31",
            done: false,
          },
        ],
      },
      {
        title: "Revoke the sanctions authority targeting ICC personnel",
        text: "Reverse the Trump administration's claimed power to sanction International Criminal Court personnel (Executive Order 13928).",
        sourcePassage: "claimed power to sanction International Criminal Court (ICC) personnel",
        targetActor: "White House",
        needsLegislation: false,
        priority: "HIGH",
        tags: ["icc", "accountability", "sanctions"],
        status: "ACHIEVED",
        statusJustification:
          "Executive Order 14022 of 1 April 2021 revoked EO 13928, lifting the sanctions on the ICC Prosecutor and a senior official; OFAC removed the ICC sanctions regulations in July 2021.",
        owners: ["owner"],
        evidence: [
          {
            title:
              "The ICC welcomes the decision by the US Government ending sanctions and visa restrictions against ICC personnel",
            url: "https://www.icc-cpi.int/news/icc-welcomes-decision-us-government-ending-sanctions-and-visa-restrictions-against-icc",
            sourceType: "OFFICIAL_STATEMENT",
            publishedAt: "2021-04-02",
            stance: "PROGRESS",
          },
          {
            title: "International Criminal Court-Related Sanctions Regulations (removal, OFAC final rule)",
            url: "https://www.federalregister.gov/documents/2021/07/06/2021-14337/international-criminal-court-related-sanctions-regulations",
            sourceType: "EXECUTIVE_ACTION",
            publishedAt: "2021-07-06",
            stance: "PROGRESS",
          },
        ],
        comments: [],
        actions: [],
      },
      {
        title: "Rescind the expanded global gag rule",
        text: "Reverse the expansion of the “global gag rule” (Mexico City Policy) on organizations providing reproductive health services.",
        sourcePassage: "expanding the “global gag rule” on organizations providing",
        targetActor: "White House",
        needsLegislation: false,
        priority: "HIGH",
        tags: ["reproductive-rights", "gender"],
        status: "ACHIEVED",
        statusJustification:
          "The presidential memorandum of 28 January 2021 revoked the Mexico City Policy and directed agencies to stop imposing its conditions on new assistance awards.",
        owners: ["editor"],
        evidence: [
          {
            title: "Memorandum of January 28, 2021: Protecting Women's Health at Home and Abroad",
            url: "https://www.federalregister.gov/documents/2021/06/24/2021-13638/protecting-womens-health-at-home-and-abroad",
            sourceType: "EXECUTIVE_ACTION",
            publishedAt: "2021-06-24",
            stance: "PROGRESS",
          },
        ],
        comments: [
          {
            author: "owner",
            body: "Rescinded again, but the policy has flipped with every change of party in the White House since 1993. Only a statutory repeal will make this stick.",
          },
        ],
        actions: [
          {
            title: "Push for a permanent legislative repeal so the policy cannot simply be reinstated",
            done: false,
          },
        ],
      },
      {
        title: "Stop opposing UN resolutions on gender and reproductive rights",
        text: "Reverse the Trump administration's opposition to UN resolutions as part of its broad-based assault on gender rights.",
        sourcePassage: "opposing UN resolutions",
        targetActor: "US Mission to the UN",
        needsLegislation: false,
        priority: "MEDIUM",
        tags: ["gender", "un"],
        status: "IN_PROGRESS",
        statusJustification:
          "The 28 January 2021 memorandum withdrew US co-sponsorship of and signature from the Geneva Consensus Declaration; we are tracking US votes and explanations of position on gender resolutions.",
        owners: ["editor"],
        evidence: [
          {
            title:
              "Memorandum of January 28, 2021: Protecting Women's Health at Home and Abroad (withdrawal from the Geneva Consensus Declaration)",
            url: "https://www.federalregister.gov/documents/2021/06/24/2021-13638/protecting-womens-health-at-home-and-abroad",
            sourceType: "EXECUTIVE_ACTION",
            publishedAt: "2021-06-24",
            stance: "PROGRESS",
          },
        ],
        comments: [],
        actions: [
          { title: "Review US explanations of vote at the Commission on the Status of Women", done: false },
        ],
      },
      {
        title: "Restore reproductive health reporting in the Country Reports",
        text: "Reverse the elimination of reproductive health from the State Department's annual Human Rights Country Reports.",
        sourcePassage:
          "eliminating reproductive health from the annual\nState Department Human Rights Country Reports",
        targetActor: "State Department",
        needsLegislation: false,
        priority: "MEDIUM",
        tags: ["reproductive-rights", "gender"],
        status: "ACHIEVED",
        statusJustification:
          "Secretary Blinken announced on 30 March 2021 that reproductive rights reporting would be restored; addenda covering it were added to the 2020 reports later in 2021.",
        owners: [],
        evidence: [
          {
            title: "2020 Country Reports on Human Rights Practices",
            url: "https://www.state.gov/reports/2020-country-reports-on-human-rights-practices/",
            sourceType: "OFFICIAL_STATEMENT",
            publishedAt: "2021-03-30",
            stance: "PROGRESS",
          },
        ],
        comments: [],
        actions: [],
      },
    ],
  },
  // ---------------------------------------------------------------------------
  {
    title: "Reaffirm",
    description:
      "Publicly recommit the United States to the universality and indivisibility of human rights and signal that it stands with rights defenders, not dictators.",
    recommendations: [
      {
        title: "Make human rights a central pillar of US foreign policy",
        text: "Make the protection of human rights at home and abroad a central pillar of U.S. foreign policy.",
        sourcePassage:
          "The administration should make the protection of human rights at home and abroad a central pillar of U.S.",
        targetActor: "White House",
        needsLegislation: false,
        priority: "HIGH",
        tags: ["foreign-policy"],
        status: "IN_PROGRESS",
        statusJustification:
          "The President and Secretary of State repeatedly describe human rights as central to foreign policy, but the record is mixed when human rights compete with security priorities.",
        owners: ["owner"],
        evidence: [],
        comments: [],
        actions: [
          {
            title: "Draft our mid-term scorecard on human rights in US foreign policy",
            owner: "owner",
            dueDate: "2022-03-31",
            done: false,
          },
        ],
      },
      {
        title: "Stand publicly with rights defenders, not dictators",
        text: "Signal that the administration stands with rights defenders, not dictators, and supports the movements of people demanding their human rights at home and abroad.",
        sourcePassage:
          "The incoming administration must signal that it stands with rights defenders, not dictators.",
        targetActor: "White House",
        needsLegislation: false,
        priority: "HIGH",
        tags: ["democracy", "civil-society"],
        status: "IN_PROGRESS",
        statusJustification:
          "The President hosted the virtual Summit for Democracy on 9–10 December 2021 with government, civil society and private-sector participants; follow-through on commitments is the next test.",
        owners: ["editor"],
        evidence: [
          {
            title: "The Summit for Democracy",
            url: "https://www.state.gov/summit-for-democracy/",
            sourceType: "OFFICIAL_STATEMENT",
            publishedAt: "2021-12-09",
            stance: "PROGRESS",
          },
        ],
        comments: [],
        actions: [
          {
            title: "Submit civil society input on US Summit for Democracy commitments",
            owner: "editor",
            done: true,
          },
        ],
      },
      {
        title: "Press for accountability for the murder of Jamal Khashoggi",
        text: "Unlike the outgoing administration, press for meaningful accountability, including for the Saudi murder of Jamal Khashoggi.",
        sourcePassage:
          "press for meaningful accountability, including for the Saudi murder of Jamal Khashoggi",
        targetActor: "State Department",
        needsLegislation: false,
        priority: "HIGH",
        tags: ["accountability", "free-expression"],
        status: "PARTIALLY_ACHIEVED",
        statusJustification:
          "The ODNI assessment that the Crown Prince approved the operation was released on 26 February 2021 and the 'Khashoggi Ban' visa policy was applied to 76 Saudis, but no sanctions were imposed on the Crown Prince himself.",
        owners: ["owner"],
        evidence: [],
        comments: [
          {
            author: "owner",
            body: "Partial at best. The report is out, but there are no consequences for MBS personally.",
          },
        ],
        actions: [
          {
            title:
              "Request a meeting with the State Department's human-rights bureau on Khashoggi Ban implementation",
            owner: "owner",
            done: false,
          },
        ],
      },
      {
        title: "Publicly reaffirm US commitment to the values on which it has led",
        text: "Publicly reaffirm the United States' commitment to human rights, particularly the values on which it has traditionally led: freedoms of expression, press and assembly; judicial independence; democracy and the rule of law; equality and nondiscrimination (including for racial, ethnic, religious and sexual minorities and persons with disabilities); and the rights of refugees and migrants.",
        sourcePassage:
          "reaffirm the United States’ commitment to human rights—particularly the values on which the United States",
        targetActor: "White House",
        needsLegislation: false,
        priority: "MEDIUM",
        tags: ["democracy", "nondiscrimination"],
        status: "ACHIEVED",
        statusJustification:
          "In his 4 February 2021 State Department speech the President grounded foreign policy in democratic values, including defending freedom, upholding universal rights and respecting the rule of law.",
        owners: [],
        evidence: [
          {
            title: "America is Back: President Biden Outlines His Vision for U.S. Foreign Policy (DipNote)",
            url: "https://www.state.gov/dipnote-u-s-department-of-state-official-blog/america-is-back-president-biden-outlines-his-vision-for-u-s-foreign-policy/",
            sourceType: "OFFICIAL_STATEMENT",
            publishedAt: "2021-02-04",
            stance: "PROGRESS",
          },
        ],
        comments: [],
        actions: [],
      },
      {
        title: "Reject the Unalienable Rights Commission",
        text: "Reject the hubris of the Unalienable Rights Commission, through which the prior administration tried to redefine human rights narrowly and unilaterally, including by elevating religion over other rights.",
        sourcePassage: "The administration should reject the hubris\nof the Unalienable Rights Commission",
        targetActor: "State Department",
        needsLegislation: false,
        priority: "MEDIUM",
        tags: ["universality"],
        status: "ACHIEVED",
        statusJustification:
          "Releasing the 2020 Country Reports on 30 March 2021, Secretary Blinken said the disbanded commission's report is not a guiding document for this administration and repudiated its hierarchy of rights.",
        owners: ["editor"],
        evidence: [
          {
            title: "Blinken junks Trump-era stance on rights (AP)",
            url: "https://www.arkansasonline.com/news/2021/mar/31/blinken-junks-trump-era-stance-on-rights/",
            sourceType: "NEWS",
            publishedAt: "2021-03-31",
            stance: "PROGRESS",
          },
        ],
        comments: [],
        actions: [],
      },
      {
        title: "Reaffirm the universality and indivisibility of all human rights",
        text: "Reaffirm the universality and indivisibility of all internationally recognized human rights.",
        sourcePassage: "reaffirm the universality and indivisibility of all internationally",
        targetActor: "State Department",
        needsLegislation: false,
        priority: "MEDIUM",
        tags: ["universality"],
        status: "ACHIEVED",
        statusJustification:
          "Secretary Blinken stated on 30 March 2021 that human rights are universal and co-equal, with no hierarchy making some rights more important than others.",
        owners: [],
        evidence: [
          {
            title: "Human Rights First Welcomes State Dept. Country Reports on Human Rights Practices",
            url: "https://humanrightsfirst.org/library/human-rights-first-welcomes-state-dept-country-reports-on-human-rights-practices",
            sourceType: "NGO_REPORT",
            publishedAt: "2021-03-31",
            stance: "PROGRESS",
          },
        ],
        comments: [],
        actions: [],
      },
    ],
  },
  // ---------------------------------------------------------------------------
  {
    title: "Rebuild",
    description:
      "Rebuild the State Department and diplomatic corps, fill key human rights posts, restore interagency coordination and renew partnerships with civil society.",
    recommendations: [
      {
        title: "Rebuild the US diplomatic corps",
        text: "Rebuild the U.S. diplomatic corps, whose knowledge base was severely compromised when hundreds of State Department personnel were fired or quit on principle.",
        sourcePassage: "The Biden administration must rebuild the U.S. diplomatic corps",
        targetActor: "State Department",
        needsLegislation: false,
        priority: "HIGH",
        tags: ["diplomacy"],
        status: "IN_PROGRESS",
        statusJustification:
          "Department leadership has made rebuilding the workforce a stated priority; we have not yet seen hiring and retention figures that would let us judge progress.",
        owners: ["owner"],
        evidence: [],
        comments: [],
        actions: [{ title: "Ask the Foreign Service union for attrition and hiring data", done: false }],
      },
      {
        title: "Modernize State Department methodologies",
        text: "Modernize State Department methodologies so that the department can engage effectively in international diplomacy and institutions.",
        sourcePassage: "diplomatic corps and modernize State Department",
        targetActor: "State Department",
        needsLegislation: false,
        priority: "MEDIUM",
        tags: ["diplomacy"],
        status: "IN_PROGRESS",
        statusJustification:
          "Secretary Blinken set out a modernization agenda for the department in an October 2021 speech; implementation details are still emerging.",
        owners: [],
        evidence: [],
        comments: [],
        actions: [],
      },
      {
        title: "Appoint qualified, diverse officials to key human rights posts",
        text: "Appoint highly qualified and diverse personnel for positions ranging from the UN Permanent Representatives in New York and Geneva, to the State Department's Legal Adviser and Assistant Secretary for Democracy, Human Rights and Labor, to the human rights officers in embassies and bureaus throughout the government.",
        sourcePassage: "The administration needs to appoint highly qualified and diverse personnel",
        targetActor: "White House",
        needsLegislation: true,
        priority: "HIGH",
        tags: ["diplomacy", "un"],
        status: "IN_PROGRESS",
        statusJustification:
          "Linda Thomas-Greenfield was confirmed as UN Ambassador in February 2021, but several key human rights posts, including the DRL Assistant Secretary, are still held by acting officials.",
        owners: ["owner", "editor"],
        evidence: [],
        comments: [
          {
            author: "editor",
            body: "Marked `needsLegislation` because the senior posts need Senate confirmation. Holds in the Senate are the main bottleneck.",
          },
        ],
        actions: [
          {
            title: "Maintain a tracker of pending human-rights-related nominations",
            owner: "editor",
            done: true,
          },
          {
            title: "Coordinate sign-on letter supporting swift Senate votes on pending nominees",
            owner: "owner",
            dueDate: "2021-12-15",
            done: false,
          },
        ],
      },
      {
        title: "Reconvene a high-level interagency working group on human rights",
        text: "Resurrect a revamped, high-level interagency working group on human rights, led by a Senior Director at the National Security Council of proven human rights reputation, to integrate human rights across all domestic and foreign policy branches of the government.",
        sourcePassage: "resurrect a revamped, high-level interagency working group on human",
        targetActor: "National Security Council",
        needsLegislation: false,
        priority: "MEDIUM",
        tags: ["diplomacy"],
        status: "NOT_STARTED",
        owners: [],
        evidence: [],
        comments: [
          {
            author: "editor",
            body: "Is the NSC's democracy and human rights directorate already playing this role? Worth asking before we push for a separate working group.",
          },
        ],
        actions: [],
      },
      {
        title: "Rebuild relations with civil society organizations",
        text: "Rebuild relations with civil society organizations, essential partners in promoting human rights compliance at home and abroad, helping restore US leadership on robust civil societies and transparent government.",
        sourcePassage: "The administration also must rebuild relations with civil society organizations",
        targetActor: "State Department",
        needsLegislation: false,
        priority: "MEDIUM",
        tags: ["civil-society"],
        status: "IN_PROGRESS",
        statusJustification:
          "The State Department ran formal civil society consultations ahead of the December 2021 Summit for Democracy, but there is no regular consultation mechanism yet.",
        owners: ["editor"],
        evidence: [],
        comments: [],
        actions: [
          {
            title: "Propose a standing quarterly consultation with the DRL bureau",
            owner: "editor",
            done: false,
          },
        ],
      },
    ],
  },
  // ---------------------------------------------------------------------------
  {
    title: "Reengage",
    description:
      "Return to and strengthen international and regional human rights mechanisms — the UN Human Rights Council, UN agencies, treaty bodies, the inter-American system and the ICC — through bilateral and multilateral diplomacy.",
    recommendations: [
      {
        title: "Rejoin the UN Human Rights Council",
        text: "Re-join the UN Human Rights Council, the UN's primary human rights body, and pursue change by engaging rather than withdrawing.",
        sourcePassage: "The United States should re-join the UNHuman Rights Council.",
        targetActor: "State Department",
        needsLegislation: false,
        priority: "HIGH",
        tags: ["un"],
        status: "ACHIEVED",
        statusJustification:
          "The US re-engaged with the Council as an observer in February 2021 and was elected by the General Assembly on 14 October 2021 for the 2022–2024 term.",
        owners: ["owner"],
        evidence: [
          {
            title: "US to reengage with UN Human Rights Council (Politico)",
            url: "https://www.politico.com/news/2021/02/08/us-un-human-rights-council-467138",
            sourceType: "NEWS",
            publishedAt: "2021-02-08",
            stance: "PROGRESS",
          },
          {
            title: "Statement by President Biden on the United States Election to the Human Rights Council",
            url: "https://pl.usembassy.gov/president_hrc/",
            sourceType: "OFFICIAL_STATEMENT",
            publishedAt: "2021-10-14",
            stance: "PROGRESS",
          },
        ],
        comments: [
          {
            author: "owner",
            body: "Elected with 168 votes — second-lowest of the 18 candidates. Membership is a start, not a finish.",
          },
        ],
        actions: [],
      },
      {
        title: "Accept the UPR recommendations when reporting back to the Council",
        text: "Use the March report-back on the November 2020 Universal Periodic Review as an early signal by accepting the resulting recommendations.",
        sourcePassage:
          "an important early human rights signaling opportunity when it reports back to the Council in March on whether",
        targetActor: "State Department",
        needsLegislation: false,
        priority: "MEDIUM",
        tags: ["un"],
        status: "ACHIEVED",
        statusJustification:
          "At the adoption of the US UPR outcome on 17 March 2021 the administration supported 263 of the 347 recommendations and partially supported 17; implementation tracking continues.",
        owners: ["editor"],
        dueDate: "2021-03-17",
        evidence: [
          {
            title: "Biden Administration Accepts 263 Universal Periodic Review Recommendations",
            url: "https://ushrnetwork.org/news/266/100/Biden-Administration-Accepts-263-Universal-Periodic-Review-Recommendations",
            sourceType: "NGO_REPORT",
            publishedAt: "2021-03-22",
            stance: "PROGRESS",
          },
        ],
        comments: [],
        actions: [
          {
            title: "Build a follow-up matrix of the supported UPR recommendations",
            owner: "editor",
            done: true,
          },
        ],
      },
      {
        title: "Restore a full-time US ambassador to the Human Rights Council",
        text: "Restore the full-time U.S. ambassador dedicated to the Human Rights Council, whose removal ceded that space to dictators and autocrats.",
        sourcePassage: "removing the full-time U.S. ambassador",
        targetActor: "White House",
        needsLegislation: false,
        priority: "MEDIUM",
        tags: ["un", "diplomacy"],
        status: "NOT_STARTED",
        owners: [],
        evidence: [],
        comments: [],
        actions: [],
      },
      {
        title: "Pursue Human Rights Council reform from within",
        text: "Work for reform of the Council, including on election procedures and the Israel agenda item, recognizing that the United States can accomplish change only by engaging.",
        sourcePassage: "Council warrants reform, including on election procedures and the Israel agenda item",
        targetActor: "US Mission to the UN",
        needsLegislation: false,
        priority: "MEDIUM",
        tags: ["un"],
        status: "IN_PROGRESS",
        statusJustification:
          "Announcing the US candidacy in February 2021, Secretary Blinken urged the Council to revisit its disproportionate focus on Israel and said the worst human rights abusers should not be members.",
        owners: [],
        evidence: [],
        comments: [],
        actions: [],
      },
      {
        title: "Adopt an open-door policy for UN special rapporteurs",
        text: "Demonstrate leadership on transparency by adopting an open-door policy for UN special rapporteurs.",
        sourcePassage: "leadership on transparency by adopting an open-door policy for special rapporteurs",
        targetActor: "State Department",
        needsLegislation: false,
        priority: "MEDIUM",
        tags: ["un", "transparency"],
        status: "NOT_STARTED",
        owners: ["editor"],
        evidence: [],
        comments: [],
        actions: [
          {
            title: "List pending special-procedures visit requests to the United States",
            owner: "editor",
            done: false,
          },
        ],
      },
      {
        title: "Rejoin UNESCO",
        text: "Reengage with UNESCO, from which the last administration withdrew.",
        sourcePassage: "withdrew from the UN Human Rights Council and UNESCO",
        targetActor: "State Department",
        needsLegislation: true,
        priority: "LOW",
        tags: ["un"],
        status: "STALLED",
        statusJustification:
          "Statutory funding bars triggered by Palestine's admission to UNESCO in 2011 prevent paying dues, so rejoining needs Congress to act first.",
        owners: [],
        evidence: [],
        comments: [
          {
            author: "owner",
            body: "Revisit when the FY2023 appropriations process starts.",
          },
        ],
        actions: [{ title: "Identify appropriators willing to carry a UNESCO funding waiver", done: false }],
      },
      {
        title: "Restore funding for the UN Population Fund",
        text: "Reengage with the UN Population Fund (UNFPA), whose funding the last administration cut.",
        sourcePassage: "for the UNPopulation Fund",
        targetActor: "State Department",
        needsLegislation: false,
        priority: "MEDIUM",
        tags: ["un", "reproductive-rights"],
        status: "ACHIEVED",
        statusJustification:
          "On 28 January 2021 the State Department announced it was making $32.5 million appropriated by Congress available to UNFPA in 2021.",
        owners: [],
        evidence: [
          {
            title:
              "Prioritizing Sexual and Reproductive Health and Reproductive Rights in U.S. Foreign Policy",
            url: "https://www.state.gov/prioritizing-sexual-and-reproductive-health-and-reproductive-rights-in-u-s-foreign-policy/",
            sourceType: "OFFICIAL_STATEMENT",
            publishedAt: "2021-01-28",
            stance: "PROGRESS",
          },
        ],
        comments: [],
        actions: [],
      },
      {
        title: "Restore funding for UNRWA",
        text: "Reengage with the UN Relief and Works Agency for Palestinian Refugees (UNRWA), whose funding the last administration cut.",
        sourcePassage: "the UNRelief andWorks Agency for Palestinian Refugees",
        targetActor: "State Department",
        needsLegislation: false,
        priority: "MEDIUM",
        tags: ["un", "refugees"],
        status: "ACHIEVED",
        statusJustification:
          "On 7 April 2021 Secretary Blinken announced $235 million in assistance for Palestinians, including $150 million in humanitarian assistance through UNRWA.",
        owners: ["owner"],
        evidence: [
          {
            title: "U.S. restores assistance for Palestinians, to provide $235 million in aid (Reuters)",
            url: "https://nationalpost.com/pmn/news-pmn/u-s-restores-assistance-for-palestinians-to-provide-235-million-in-aid",
            sourceType: "NEWS",
            publishedAt: "2021-04-07",
            stance: "PROGRESS",
          },
        ],
        comments: [],
        actions: [],
      },
      {
        title: "Nominate and elect qualified independent experts to treaty bodies",
        text: "Promote the nomination and election of highly qualified independent experts to the UN treaty bodies and the Inter-American Commission on Human Rights, where the United States currently has no member.",
        sourcePassage: "promoting the nomination and election of highly qualified independent experts",
        targetActor: "State Department",
        needsLegislation: false,
        priority: "MEDIUM",
        tags: ["treaties", "un", "inter-american"],
        status: "NOT_STARTED",
        owners: ["owner"],
        evidence: [],
        comments: [],
        actions: [{ title: "Compile the calendar of upcoming treaty body and IACHR elections", done: false }],
      },
      {
        title: "Submit overdue US reports to the UN treaty bodies",
        text: "Submit the overdue U.S. periodic reports to the UN treaty bodies; the Trump administration failed to submit reports to any treaty body.",
        sourcePassage: "submitting overdue U.\nS. reports",
        targetActor: "State Department",
        needsLegislation: false,
        priority: "HIGH",
        tags: ["treaties", "un"],
        status: "IN_PROGRESS",
        statusJustification:
          "The overdue combined periodic report under the race discrimination convention (CERD) was filed in 2021; we are confirming the status of the ICCPR and Torture Convention reports.",
        owners: ["editor"],
        dueDate: "2022-06-30",
        evidence: [],
        comments: [
          {
            author: "editor",
            body: "Need to confirm the Torture Convention report timeline with the Legal Adviser's office.",
          },
        ],
        actions: [
          {
            title: "Prepare a shadow report for the CERD review of the United States",
            owner: "editor",
            dueDate: "2022-07-15",
            done: false,
          },
        ],
      },
      {
        title: "Ensure human rights mechanisms have resources and independence",
        text: "Ensure that international and regional human rights institutions have the resources, infrastructure and independence to fulfill their mandates.",
        sourcePassage:
          "ensuring institutions have the resources, infrastructure and independence to fulfill their mandates",
        targetActor: "State Department",
        needsLegislation: false,
        priority: "MEDIUM",
        tags: ["un", "inter-american"],
        status: "NOT_STARTED",
        owners: ["owner"],
        evidence: [],
        comments: [],
        actions: [],
      },
      {
        title: "Respect the decisions of human rights mechanisms",
        text: "Respect the decisions of the international and regional human rights mechanisms with which the United States reengages.",
        sourcePassage: "respecting their decisions",
        targetActor: "State Department",
        needsLegislation: false,
        priority: "LOW",
        tags: ["inter-american", "treaties"],
        status: "NOT_STARTED",
        owners: [],
        evidence: [],
        comments: [],
        actions: [],
      },
      {
        title: "Reaffirm the US signature of the Rome Statute",
        text: "Reaffirm the U.S. signature of the Rome Statute and its intent not to violate the object and purpose of the treaty.",
        sourcePassage: "The Biden administration should reaffirm the U.S. signature",
        targetActor: "State Department",
        needsLegislation: false,
        priority: "MEDIUM",
        tags: ["icc", "treaties"],
        status: "STALLED",
        statusJustification:
          "Even while lifting the ICC sanctions in April 2021, the State Department restated its longstanding objection to the Court's jurisdiction over nationals of non-party states, and nothing indicates the 2002 'unsigning' will be revisited.",
        owners: [],
        evidence: [],
        comments: [],
        actions: [],
      },
      {
        title: "Resume cooperation with the ICC on matters of mutual concern",
        text: "Resume cooperation with the International Criminal Court on matters of mutual concern, consistent with the support of the Bush and Obama administrations.",
        sourcePassage: "resume cooperation with the\nCourt on matters of mutual concern",
        targetActor: "State Department",
        needsLegislation: false,
        priority: "MEDIUM",
        tags: ["icc", "accountability"],
        status: "IN_PROGRESS",
        statusJustification:
          "The State Department said in April 2021 that its concerns about ICC cases are better addressed through engagement than sanctions, and the Court said it stands ready to reengage.",
        owners: ["owner"],
        evidence: [
          {
            title:
              "The ICC welcomes the decision by the US Government ending sanctions and visa restrictions against ICC personnel",
            url: "https://www.icc-cpi.int/news/icc-welcomes-decision-us-government-ending-sanctions-and-visa-restrictions-against-icc",
            sourceType: "OFFICIAL_STATEMENT",
            publishedAt: "2021-04-02",
            stance: "CONTEXT",
          },
        ],
        comments: [],
        actions: [],
      },
      {
        title: "Make human rights a primary concern of multilateral and regional fora",
        text: "Work to ensure that human rights are a primary concern of multilateral and regional fora, to fill the leadership vacuum and prevent other states from diluting their human rights impact — for example, by not threatening to veto the annual UN resolution on conflict-related sexual violence.",
        sourcePassage: "the United States should work to ensure that human rights are a primary",
        targetActor: "US Mission to the UN",
        needsLegislation: false,
        priority: "MEDIUM",
        tags: ["un", "gender"],
        status: "NOT_STARTED",
        owners: ["owner"],
        evidence: [],
        comments: [],
        actions: [],
      },
      {
        title: "Act with other states to prevent democratic backsliding",
        text: "In diplomatic and aid relationships, act in concert with other states and regional mechanisms to prevent backsliding and strengthen democracy and the rule of law in fragile democracies such as Tunisia and Guatemala, and in states trending authoritarian such as Hungary, Poland, India and Turkey.",
        sourcePassage: "the United States should act in concert with other states and regional mechanisms to",
        targetActor: "State Department",
        needsLegislation: false,
        priority: "HIGH",
        tags: ["democracy", "rule-of-law"],
        status: "IN_PROGRESS",
        statusJustification:
          "Hungary and Turkey were left off the invitation list for the December 2021 Summit for Democracy, but there is no coordinated strategy yet for the other countries the essay names.",
        owners: ["editor"],
        evidence: [],
        comments: [],
        actions: [
          {
            title: "Draft country briefs on Tunisia and Guatemala for Hill meetings",
            owner: "editor",
            done: false,
          },
        ],
      },
    ],
  },
  // ---------------------------------------------------------------------------
  {
    title: "Reconceptualize",
    description:
      "Rethink US engagement for a world in which the United States is no longer the hegemon, through creative alliances, rethought positions, institutional reform and a focus on expressive freedoms.",
    recommendations: [
      {
        title: "Build creative alliances to counter efforts to redefine human rights norms",
        text: "Make coalition building, engaging new allies and creative use of all available tools and fora a core part of U.S. reengagement, so that the United States can pose an effective bulwark against Russia and China's efforts to redefine international norms.",
        sourcePassage: "Coalition building, engaging new allies, and creative use of all available",
        targetActor: "State Department",
        needsLegislation: false,
        priority: "HIGH",
        tags: ["diplomacy", "democracy"],
        status: "NOT_STARTED",
        owners: ["owner"],
        evidence: [],
        comments: [],
        actions: [],
      },
      {
        title: "Keep using targeted Global Magnitsky sanctions, consistently",
        text: "Continue to use targeted sanctions against human rights violators under the Global Magnitsky Act of 2016 and similar authorities, such as those on officials responsible for Xinjiang policies and bans on goods made with Uighur forced labor, while avoiding selective imposition that undermines their credibility.",
        sourcePassage:
          "targeted sanctions against human rights violators under the Global Magnitsky Act of 2016 and similar authorities",
        targetActor: "Treasury",
        needsLegislation: false,
        priority: "HIGH",
        tags: ["sanctions", "accountability"],
        status: "IN_PROGRESS",
        statusJustification:
          "Global Magnitsky designations continue, including of Xinjiang officials in March 2021, and the Uyghur Forced Labor Prevention Act was signed on 23 December 2021.",
        owners: ["editor"],
        evidence: [
          {
            title: "H.R. 6256 — Uyghur Forced Labor Prevention Act (Public Law 117-78)",
            url: "https://www.congress.gov/bill/117th-congress/house-bill/6256",
            sourceType: "LEGISLATION",
            publishedAt: "2021-12-23",
            stance: "PROGRESS",
          },
        ],
        comments: [],
        actions: [
          {
            title: "Submit a Global Magnitsky case file on abuses against journalists",
            owner: "editor",
            dueDate: "2022-04-30",
            done: false,
          },
        ],
      },
      {
        title: "Coordinate sanctions with other states",
        text: "Use sanctions smartly, especially in coordination with other states, to respond to atrocities, avoid impunity and isolate perpetrators across a wide range of human rights concerns.",
        sourcePassage:
          "especially in coordination with other states, helps respond to atrocities, avoid impunity, and isolate perpetrators",
        targetActor: "Treasury",
        needsLegislation: false,
        priority: "MEDIUM",
        tags: ["sanctions", "accountability"],
        status: "PARTIALLY_ACHIEVED",
        statusJustification:
          "The 22 March 2021 sanctions on two Xinjiang officials were coordinated with the EU, the UK and Canada; coordination is not yet routine.",
        owners: [],
        evidence: [
          {
            title: "Biden admin announces sanctions against Chinese officials over human rights (NBC News)",
            url: "https://www.nbcnews.com/politics/politics-news/biden-admin-announces-sanctions-against-chinese-officials-over-human-rights-n1261745",
            sourceType: "NEWS",
            publishedAt: "2021-03-22",
            stance: "PROGRESS",
          },
        ],
        comments: [],
        actions: [],
      },
      {
        title: "Engage non-state actors and soft-law norms through public-private alliances",
        text: "Recognize the essential role of non-state actors and soft law norms, and engage creatively through public-private alliances with civil society, religious and youth groups, corporations and other stakeholders, on issues from internet freedom to redressing civilian harms in armed conflict.",
        sourcePassage:
          "Creative twenty-first century engagement needs to recognize the essential role of non-state actors and soft law",
        targetActor: "State Department",
        needsLegislation: false,
        priority: "LOW",
        tags: ["civil-society", "business-human-rights"],
        status: "NOT_STARTED",
        owners: [],
        evidence: [],
        comments: [],
        actions: [],
      },
      {
        title: "Reconsider the US position on extraterritorial application of treaties",
        text: "Reconsider the U.S. position on the extraterritorial application of human rights treaties, so the United States can lead effectively in alliance with others.",
        sourcePassage: "the extraterritorial application of human",
        targetActor: "State Department",
        needsLegislation: false,
        priority: "MEDIUM",
        tags: ["treaties", "torture"],
        status: "NOT_STARTED",
        owners: ["owner"],
        evidence: [],
        comments: [
          {
            author: "owner",
            body: "The 2014 Torture Convention position (applying in some places outside US territory) is the obvious starting point.",
          },
        ],
        actions: [],
      },
      {
        title: "Reconsider the US position on economic, social and cultural rights",
        text: "Reconsider U.S. positions on economic, social, and cultural rights, so the United States can lead effectively in alliance with others.",
        sourcePassage: "economic, social, and cultural rights",
        targetActor: "State Department",
        needsLegislation: false,
        priority: "LOW",
        tags: ["esc-rights"],
        status: "NOT_STARTED",
        owners: ["editor"],
        evidence: [],
        comments: [],
        actions: [],
      },
      {
        title: "Use executive branch tools to comply with unratified treaty norms",
        text: "In the face of Senate opposition to ratification, use executive branch tools to comply with important unratified treaty norms, using treaties such as the Disabilities Convention and CEDAW as models for executive branch standards, as Obama did with the Landmines Convention.",
        sourcePassage: "using executive branch tools to comply with important unratified",
        targetActor: "White House",
        needsLegislation: false,
        priority: "MEDIUM",
        tags: ["treaties", "disability", "gender"],
        status: "NOT_STARTED",
        owners: ["editor"],
        evidence: [],
        comments: [],
        actions: [
          {
            title: "Draft a model executive order drawing on CRPD and CEDAW standards",
            owner: "editor",
            done: false,
          },
        ],
      },
      {
        title: "Support state and local adoption of human rights treaty standards",
        text: "Support the adoption by state and local governments of standards modeled on human rights treaties such as the Disabilities Convention and CEDAW.",
        sourcePassage: "adoption by state and local governments",
        targetActor: "White House",
        needsLegislation: false,
        priority: "LOW",
        tags: ["treaties", "local-government"],
        status: "NOT_STARTED",
        owners: [],
        evidence: [],
        comments: [],
        actions: [],
      },
      {
        title: "Lead constructive reform of international human rights institutions",
        text: "Join efforts to address weaknesses in international human rights institutions — election methods, complaint backlogs, antiquated working methods and poor connectivity — strengthening the existing regime rather than creating new mechanisms. Earn a seat at the table by matching constructive ideas with meaningful resources and staying power, in partnership with like-minded states and civil society.",
        sourcePassage:
          "The Biden administration should join efforts to address existing weaknesses in international",
        targetActor: "State Department",
        needsLegislation: false,
        priority: "MEDIUM",
        tags: ["un", "treaties", "inter-american"],
        status: "NOT_STARTED",
        owners: ["owner"],
        evidence: [],
        comments: [],
        actions: [
          {
            title: "Circulate the treaty body strengthening proposals to like-minded missions in Geneva",
            done: false,
          },
        ],
      },
      {
        title: "Make freedom of expression, press and association an anchor of diplomacy",
        text: "Make freedom of expression, press, and association an anchor of U.S. international diplomacy, since repression of expressive rights is the first indicator of a move from democracy to autocracy.",
        sourcePassage: "make freedom of expression, press, and association an anchor of its international",
        targetActor: "State Department",
        needsLegislation: false,
        priority: "HIGH",
        tags: ["free-expression", "democracy"],
        status: "IN_PROGRESS",
        statusJustification:
          "The 'Khashoggi Ban' visa policy targets officials who harass journalists and dissidents abroad, but there is no overarching strategy yet to make expressive freedoms an anchor of diplomacy.",
        owners: [],
        evidence: [],
        comments: [],
        actions: [],
      },
      {
        title: "Lead global conversations on online speech",
        text: "Bring the U.S. voice to global conversations on online speech, including censorship, surveillance and misinformation, which implicate core U.S. values and interests.",
        sourcePassage:
          "the United States’ voice is sorely needed in global conversations regarding online speech",
        targetActor: "State Department",
        needsLegislation: false,
        priority: "MEDIUM",
        tags: ["free-expression", "digital-rights"],
        status: "NOT_STARTED",
        owners: [],
        evidence: [],
        comments: [],
        actions: [],
      },
    ],
  },
];
