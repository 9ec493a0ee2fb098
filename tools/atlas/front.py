"""Front view, patient's left half (x >= 0.5): interior lines and regions.

Points are in head units (see geom.py / outline.py). Each chain is one
anatomical line (hairline, clavicle, deltopectoral groove, inguinal
ligament, sartorius edges, ...); regions are loops of point names walked
along those lines and the outline.
"""

from outline import hand

# fmt: off
POINTS = {
    # head and face
    "m_hair":  (0.0, 0.21),   "fh1": (0.15, 0.205),  "t_top": (0.232, 0.172),
    "t2":      (0.222, 0.30), "t_brow": (0.245, 0.405), "t_zy": (0.262, 0.515),
    "m_brow":  (0.0, 0.40),   "b1": (0.12, 0.385),
    "mz":      (0.192, 0.560), "ma": (0.198, 0.74),  "jaw_m": (0.210, 0.895),
    "jc":      (0.085, 0.978), "m_chin": (0.0, 1.0),
    # neck
    "sca1":    (0.172, 1.00),  "sca2": (0.098, 1.18), "st": (0.048, 1.302),
    "scp1":    (0.222, 1.14),  "c_scm": (0.205, 1.332),
    "tb1":     (0.318, 1.245), "c_tr": (0.475, 1.353),
    "m_notch": (0.0, 1.298),   "c_mid": (0.600, 1.365), "c_delt": (0.740, 1.382),
    # chest and shoulder
    "dp_a":    (0.770, 1.49),  "dp_c": (0.781, 1.530), "dp_b": (0.795, 1.575), "dp1": (0.835, 1.70),
    "dp2":     (0.905, 1.87),  "dl1": (1.020, 2.03),
    # pectoralis minor, felt through pec major: a rounded patch from the
    # coracoid (in the deltopectoral groove) fanning down to ribs 3-5
    "pm1":     (0.692, 1.545), "pm_t": (0.600, 1.665), "pm3": (0.528, 1.830),
    "pm_b":    (0.588, 1.975), "pm4": (0.690, 1.935), "pm2": (0.757, 1.750),
    "pl1":     (0.685, 2.19),  "pl2": (0.535, 2.325), "ra_t": (0.275, 2.375), "m_pec": (0.0, 2.30),
    "sa1":     (0.615, 2.46),
    # abdomen and groin
    "ra1":     (0.300, 2.80),  "ra2": (0.272, 3.30), "ra_b": (0.150, 3.735), "m_pub": (0.0, 3.70),
    "asis":    (0.628, 3.52),  "sm0": (0.560, 3.565), "ig1": (0.410, 3.655),
    "gr1":     (0.090, 3.96),
    # thigh
    "sl1":     (0.525, 4.10),  "sl2": (0.405, 4.62), "sl3": (0.300, 5.00), "vm_t": (0.252, 5.20),
    "sl4":     (0.190, 5.50),  "sl_k": (0.162, 5.770),
    "sm1":     (0.452, 4.08),  "sm_ap": (0.362, 4.45), "sm3": (0.222, 5.00),
    "ad1":     (0.240, 4.08),
    "tf1":     (0.665, 3.80),  "tf_b": (0.705, 4.18), "it1": (0.672, 4.70), "it2": (0.585, 5.30),
    "it_k":    (0.480, 5.758),
    # vastus medialis: a teardrop above the inner knee, fullest low down
    "vm0":     (0.321, 5.37),  "vm1": (0.350, 5.56),   "vm_b": (0.296, 5.727),
    "kt":      (0.352, 5.726),
    # knee and leg
    "kb1":     (0.225, 6.285), "tt": (0.330, 6.30), "kb_p": (0.462, 6.262),
    "sh1":     (0.310, 6.90),  "sh2": (0.325, 7.30), "sh_a": (0.345, 7.555),
    "pr1":     (0.492, 6.75),  "pr2": (0.440, 7.22), "pr_a": (0.412, 7.56),
    "fb":      (0.360, 7.845),
    # arm
    "et":      (1.095, 2.845),
    "eb_br":   (1.235, 3.112), "eb": (1.130, 3.125),
    "br1":     (1.300, 3.45),
    "br_w":    hand(-0.09, 0.055),
    "th_w":    hand(0.05, 0.035),  "th_c": hand(0.175, 0.095),
}

CHAINS = [
    # (points, start tangent, end tangent)
    (["m_hair", "fh1", "t_top", "o_cran"], "h", None),             # hairline
    (["t_top", "t2", "t_brow", "t_zy"], None, None),                # temporal line
    (["m_brow", "b1", "t_brow"], "h", None),                        # brow
    (["o_ear_t", "t_zy", "mz"], None, None),                        # zygomatic arch
    (["mz", "ma", "jaw_m"], None, None),                            # front edge of masseter
    (["o_jaw", "jaw_m", "jc", "m_chin"], (-0.92, 0.39), "h"),                # jawline
    (["o_jaw", "sca1", "sca2", "st"], (-0.6, 0.8), None),                  # SCM, front edge
    (["o_n1", "scp1", "c_scm"], None, None),                        # SCM, back edge
    (["o_n2", "tb1", "c_tr"], (0.2, 1.0), None),                          # trapezius, front edge
    (["m_notch", "st", "c_scm", "c_tr", "c_mid", "c_delt", "o_acr"], "h", None),  # clavicle
    (["c_delt", "dp_a", "dp_c", "dp_b", "dp1", "dp2"], None, None), # deltopectoral groove
    (["dp2", "dl1", "o_dins"], None, None),                         # deltoid, lower edge
    (["dp_a", "pm1", "pm_t", "pm3", "pm_b", "pm4", "pm2", "dp_b"], None, None),  # pectoralis minor
    (["dp2", "o_ap"], None, None),                                  # pectoral tendon to the arm
    (["o_ap", "pl1", "pl2", "ra_t", "m_pec"], None, "h"),           # lower edge of pectoralis major
    (["o_ser", "sa1", "pl2"], None, None),                          # serratus, lower edge
    (["ra_t", "ra1", "ra2", "ra_b"], None, None),                   # linea semilunaris
    (["m_pub", "ra_b"], "h", None),                                 # pubic line
    (["o_hip", "asis", "sm0", "ig1", "ra_b"], None, None),          # inguinal ligament
    (["ra_b", "gr1", "o_gf"], None, None),                          # groin crease
    (["ra_b", "ad1", "sm_ap"], None, None),                         # adductor longus edge
    (["asis", "sl1", "sl2", "sl3", "vm_t", "sl4", "sl_k"], None, None),       # sartorius, lateral
    (["sm0", "sm1", "sm_ap", "sm3", "o_sart"], None, None),                   # sartorius, medial
    (["asis", "tf1", "tf_b", "it1", "it2", "it_k"], None, None),    # TFL and IT band, front edge
    (["tf_b", "o_itb"], None, None),                                # TFL, lower end
    (["vm_t", "vm0", "vm1", "vm_b"], None, None),                   # vastus medialis
    (["o_kn_tm", "sl_k", "vm_b", "kt", "it_k", "o_kn_t"], None, None),      # above the patella: one arch
    (["o_kn_bm", "kb1", "tt", "kb_p", "o_kn_b"], None, None),       # below the knee
    (["tt", "sh1", "sh2", "sh_a"], None, None),                     # shin crest
    (["kb_p", "pr1", "pr2", "pr_a"], None, None),                   # peroneals, front edge
    (["o_an_tm", "sh_a", "pr_a", "o_an_t"], None, None),            # above the ankle
    (["o_an_bm", "fb", "o_an_b"], None, None),                      # ankle crease
    (["o_el_t", "et", "o_el_tm"], None, None),                      # above the elbow
    (["o_el_b", "eb_br", "eb", "o_el_bm"], None, None),             # below the elbow
    (["eb_br", "br1", "br_w"], None, None),                         # brachioradialis, inner edge
    (["o_wr_t", "br_w", "o_wr_tm"], None, None),                    # wrist, upper crease
    (["o_wr_b", "th_w", "o_wr_bm"], None, None),                    # wrist, lower crease
    (["th_w", "th_c", "o_web"], None, None),                        # thenar crease
]

MIDLINE = ["crown", "m_hair", "m_brow", "m_chin", "m_notch", "m_pec", "m_pub", "crotch"]

# muscle code -> loop of points (walked along lines between consecutive names)
REGIONS = [
    ("cranium",               ["crown", "o_cran", "t_top", "fh1", "m_hair"]),
    ("frontalis",             ["m_hair", "t_top", "t_brow", "m_brow"]),
    ("temporalis",            ["o_cran", "o_ear_t", "t_zy", "t_top"]),
    ("face",                  ["m_brow", "t_brow", "t_zy", "mz", "jaw_m", "m_chin"]),
    ("masseter",              ["o_ear_t", "o_jaw", "jaw_m", "mz", "t_zy"]),
    ("anterior_neck",         ["m_chin", "jaw_m", "o_jaw", "st", "m_notch"]),
    ("sternocleidomastoid",   ["o_jaw", "o_n1", "c_scm", "st"]),
    ("scalenes",              ["o_n1", "o_n2", "c_tr", "c_scm"]),
    ("upper_trapezius",       ["o_n2", "o_acr", "c_tr"]),
    ("deltoid",               ["o_acr", "o_dins", "dp2", "c_delt"]),
    ("pectoralis_minor",      ["dp_a", "pm_b", "dp_b", "dp_c"]),
    ("pectoralis_major",      ["m_notch", "c_delt", "dp_a", "pm_b", "dp_b", "dp2", "o_ap", "m_pec"]),
    ("serratus_anterior",     ["o_ap", "o_ser", "pl2"]),
    ("rectus_abdominis",      ["m_pec", "ra_t", "ra_b", "m_pub"]),
    ("external_oblique",      ["ra_t", "pl2", "o_ser", "o_hip", "ra_b"]),
    ("biceps",                ["dp2", "o_dins", "o_el_t", "et", "o_el_tm", "o_ap"]),
    ("elbow",                 ["o_el_t", "o_el", "o_el_b", "eb", "o_el_bm", "o_elm", "o_el_tm", "et"]),
    ("brachioradialis",       ["o_el_b", "o_fa1", "o_wr_t", "br_w", "eb_br"]),
    ("forearm_flexors",       ["eb_br", "br_w", "o_wr_tm", "o_fm1", "o_el_bm", "eb"]),
    ("wrist",                 ["o_wr_t", "o_wr_b", "th_w", "o_wr_bm", "o_wr_tm", "br_w"]),
    ("thenar",                ["o_wr_b", "o_tht", "o_web", "th_c", "th_w"]),
    ("hand",                  ["th_w", "th_c", "o_web", "o_f5", "o_wr_bm"]),
    ("groin",                 ["m_pub", "ra_b", "gr1", "o_gf", "crotch"]),
    ("hip_flexors",           ["sm0", "ra_b", "ad1", "sm_ap"]),
    ("tensor_fasciae_latae",  ["o_hip", "o_itb", "tf_b", "asis"]),
    ("sartorius",             ["asis", "sm0", "o_sart", "o_kn_tm", "sl_k"]),
    ("adductors",             ["ra_b", "sm_ap", "o_sart", "o_gf", "gr1"]),
    ("quadriceps",            ["asis", "vm_t", "vm_b", "it_k"]),
    ("vastus_medialis",       ["vm_t", "sl_k", "vm_b"]),
    ("it_band",               ["o_itb", "o_kn_t", "it_k", "tf_b"]),
    ("knee",                  ["o_kn_tm", "o_kn_bm", "tt", "o_kn_b", "o_kn", "o_kn_t", "kt"]),
    ("tibialis_anterior",     ["tt", "kb_p", "pr_a", "sh_a"]),
    ("peroneals",             ["kb_p", "o_kn_b", "o_an_t", "pr_a"]),
    ("medial_shin",           ["o_kn_bm", "tt", "sh_a", "o_an_tm"]),
    ("ankle",                 ["o_an_tm", "sh_a", "o_an_t", "o_an_b", "fb", "o_an_bm"]),
    ("foot",                  ["o_an_bm", "fb", "o_an_b", "o_ft3"]),
]
# fmt: on
