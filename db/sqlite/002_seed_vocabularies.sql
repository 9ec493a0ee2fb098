-- Knotmap schema, version 2: the built-in vocabularies, worded from the
-- project's trigger-point notes. Codes are stable identifiers used in the
-- CSV export; names are what the user sees and may be renamed.

INSERT INTO symptom (code, name, builtin, sort_order) VALUES
    ('tenderness',          'Tenderness',             1, 10),
    ('stiffness',           'Stiffness',              1, 20),
    ('restricted_motion',   'Restricted movement',    1, 30),
    ('referred_pain',       'Referred pain',          1, 40),
    ('headache',            'Headache',               1, 50),
    ('numbness_tingling',   'Numbness or tingling',   1, 60),
    ('weakness',            'Weakness',               1, 70),
    ('burning',             'Burning',                1, 80),
    ('aching',              'Aching',                 1, 90),
    ('sharp_pain',          'Sharp pain',             1, 100),
    ('taut_band',           'Taut, ropey band',       1, 110),
    ('crunchy_texture',     'Crunchy texture',        1, 120),
    ('post_treatment_soreness', 'Soreness after treatment', 1, 130);

INSERT INTO treatment_kind (code, name, builtin, sort_order) VALUES
    ('massage_deep_tissue',        'Massage: deep tissue',           1, 10),
    ('massage_myofascial_release', 'Massage: myofascial release',    1, 20),
    ('massage_trigger_point',      'Massage: trigger point therapy', 1, 30),
    ('massage_sports',             'Massage: sports',                1, 40),
    ('massage_relaxation',         'Massage: relaxation',            1, 50),
    ('stretching',                 'Stretching',                     1, 60),
    ('heat',                       'Heat',                           1, 70),
    ('ice',                        'Ice',                            1, 80),
    ('foam_roller',                'Foam roller',                    1, 90),
    ('massage_ball',               'Massage ball',                   1, 100),
    ('massage_gun',                'Massage gun',                    1, 110),
    ('rest',                       'Rest',                           1, 120),
    ('hydration',                  'Hydration',                      1, 130),
    ('gentle_exercise',            'Gentle exercise',                1, 140),
    ('medication',                 'Medication',                     1, 150),
    ('dry_needling',               'Dry needling',                   1, 160),
    ('physiotherapy',              'Physiotherapy',                  1, 170);

INSERT INTO trigger_cause (code, name, builtin, sort_order) VALUES
    ('posture',            'Posture',                          1, 10),
    ('stress',             'Stress',                           1, 20),
    ('overuse',            'Overuse or repetitive movement',   1, 30),
    ('injury',             'Injury',                           1, 40),
    ('poor_sleep',         'Poor sleep',                       1, 50),
    ('dehydration',        'Dehydration',                      1, 60),
    ('static_position',    'Staying in one position',          1, 70);
