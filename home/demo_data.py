"""Demo content: the text of the two seed category pages, as written.

The people, email addresses and phone numbers of the originals are replaced
by fictional ones (example.org, 020 7946 0xxx) in home/demo_snippets.py.
"""

# ruff: noqa: E501

PERFORMANCE_RECOVERY = {
    "title": "Performance Recovery Award",
    "summary": "For teams restoring NHS performance and services to, or beyond, their pre-pandemic "
    "baseline.",
    "how_to_apply": [
        "Register an account.",
        "Start your entry (save it in-progress).",
        "Submit your entry to be in the running.",
        "Best of luck!",
    ],
    "context": [
        "In recent years, healthcare services have faced substantial strain, with the urgent "
        "reprioritisation of limited resources resulting in tough decisions, a fatigued "
        "workforce, and unavoidable care delays. However, with a renewed focus on "
        "productivity and efficiency, the emphasis now lies on reducing care backlogs and "
        "reinstating NHS performance to its pre-crisis levels.",
        "Whilst full service restoration may still be a long-term ambition, NHS organisations "
        "are thinking differently to work towards this. This award recognises those teams and "
        "organisations innovating to deliver tangible improvements for staff, patients, and "
        "populations, as quickly and efficiently as possible.",
        "Throughout the healthcare system, examples of performance recovery could come from "
        "any area – restoring neglected services, re-hitting performance metrics, rebuilding "
        "teams, reopening closed facilities, returning staff and equipment to their original "
        "departments, and much more.",
    ],
    "who_can_enter": [
        "This category is open to healthcare organisations, teams and collaborations "
        "across the public and third sectors who have taken clear steps to restore "
        "performance and service levels to meet or exceed their pre-pandemic baseline."
    ],
    "criteria": [
        (
            "Context and vision",
            [
                "Describe the context of your recovery initiative(s) – what operational, "
                "financial, clinical and/or workforce constraints were you looking to overcome?",
                "Outline the vision for performance recovery - how and to what extent did your new "
                "initiatives and processes differ from their pre-pandemic norm?",
                "Detail the targets and/or measures of success that were set, both quantitative or "
                "qualitative",
                "Discuss any partnership or cross-functional working required to realise the "
                "vision",
            ],
        ),
        (
            "Delivery",
            [
                "How is the vision being achieved?",
                "How did you overcome the challenge of working at pace to develop and implement "
                "new ideas?",
                "Provide specific examples of any new processes, roles, technologies, or ways of "
                "working that have been implemented",
                "Evidence the performance improvements achieved so far, and how they compare to "
                "the targets set",
                "Describe the impact of these improvements on staff, patients, and the wider "
                "system",
            ],
        ),
        (
            "Spread and sustainability",
            [
                "Show how initial successes of your performance recovery initiatives can be "
                "replicated and scaled up in the future",
                "Describe any work undertaken to spread best practice learning with other "
                "departments or healthcare organisations",
            ],
        ),
        (
            "Value and outcomes",
            [
                "Provide evidence of the added value of these initiatives on patients in terms of "
                "time, quality of life, quality of experience or clinical outcomes",
                "How have the initiatives improved the staff satisfaction, or their ability to "
                "deliver quality care?",
                "What financial savings or efficiencies have been realised from these initiatives?",
            ],
        ),
        (
            "Engagement",
            [
                "Describe the engagement of clinicians and the wider workforce in performance "
                "recovery",
                "How has the initiative involved collaboration with patients and end-users, and to "
                "what extent was this prioritised given the need for a quick and agile "
                "implementation?",
                "How have the teams involved worked with partner or vendor organisations to "
                "deliver results?",
            ],
        ),
    ],
}

COMMUNITY_PARTNERSHIP = {
    "title": "Best Community Services Partnership with the NHS",
    "summary": "For private sector partners delivering care in the community with the NHS.",
    "context": [
        "Shifting skills and capacity into the community, and providing both urgent and "
        "long-term care closer to home, forms a core part of the NHS’ ambition to join up "
        "service delivery and shift towards a more preventative and sustainable health "
        "system. However, a backdrop of financial pressures, a high number of staff "
        "vacancies, an aging population, and ever-increasing elective care waiting has "
        "provided a perfect storm for these organisations of increased demand and limited "
        "resource, which cannot be weathered without the support of the private sector.",
        "This award will recognise projects and partnerships leading the way in delivering "
        "continuous improvements in service access, clinical performance, staff retention and "
        "wellbeing, safety and many more, or developing innovative new ways of delivering "
        "out-of-hospital care.",
        "Judges will be particularly interested in those improvements and innovations that "
        "have been genuinely co-produced by the NHS and private sector. These will have "
        "involved close consultation with the communities they serve and achieved high levels "
        "of staff engagement.",
    ],
    "who_can_enter_points": [
        "This award is open to any private sector organisation which works in "
        "partnership with an NHS organisation to enable or deliver care in the "
        "community",
        "These can be single partnerships or joint working projects, but must "
        "demonstrate evidence from the past two years up until the awards "
        "deadline date",
    ],
    "criteria": [
        (
            "Context and evidence",
            [
                "Describe the context of the partnership and the reason that innovation or "
                "improvements were required.",
                "Provide clear evidence that the co-developed solution served the patient or "
                "service user better than the NHS was able to deliver alone.",
                "Outline the targets set to measure the effectiveness of the improvement, "
                "innovation, or new way of working and the steps put in place to achieve them.",
            ],
        ),
        (
            "Patient and NHS benefits",
            [
                "Clearly demonstrate the benefits of the partnership on patient outcomes, which "
                "could include improved patient experience, waiting time reduction, capacity "
                "increase or optimised treatment pathways.",
                "Discuss how the NHS organisation has benefited from the partnership in terms of "
                "staffing, cost, reducing inefficiencies or ability to provide services.",
                "Describe any innovative practices generated by the partnership which have created "
                "beneficial outcomes.",
            ],
        ),
        (
            "Spread of best practice",
            [
                "Describe how the business has worked with the NHS to ensure best practice "
                "learning has been disseminated.",
                "Discuss to what extent the best practice elements or innovations generated by the "
                "partnership have been adopted by other NHS departments or organisations within "
                "the wider ICS.",
            ],
        ),
        (
            "Co-design and engagement",
            [
                "Describe how the different partners worked together to co-design improvements or "
                "innovations.",
                "Show how patients and staff contributed towards and added value to the goals and "
                "outcomes of the partnership.",
                "Evidence the consultative measures taken to inform, involve and enable "
                "participation in the design of any new innovation or adaptation to existing "
                "working practices.",
            ],
        ),
        (
            "Value for money",
            [
                "What financial benefits have been realised by the partnership, or if partnering "
                "has cost the NHS more money than delivering the project alone, how have the "
                "non-monetary benefits outweighed the costs?",
                "How has the partnership led to material and measurable non-monetary improvements "
                "within the NHS organisation?",
                "Provide testimonial evidence of the effectiveness of the partnership from both "
                "NHS staff and patients.",
            ],
        ),
    ],
}
