"""Back view, patient's right half (x >= 0.5): interior lines and regions.

The scapula is placed first (superior angle, spine, medial border, inferior
angle) because most upper-back muscles are drawn relative to it: the
supraspinatus above the spine, infraspinatus below it, rhomboids between it
and the spine, teres along its lateral border, the trapezius kite over all.
Deeper muscles that people chart (levator, rhomboids, piriformis) get their
own regions where they are felt, as body charts do.
"""

from outline import hand

# fmt: off
POINTS = {
    # head and neck
    "m_bcr":  (0.0, 0.33),    "bc1": (0.19, 0.322),
    # occipital ridge: highest at the inion, sloping down to the mastoid
    "m_sb":   (0.0, 0.750),   "sb1": (0.105, 0.760), "sb2": (0.205, 0.787),
    # suboccipital band under the ridge; its outer end lies on the splenius
    "m_so":   (0.0, 0.900),   "so_m": (0.080, 0.905), "ps1": (0.138, 0.915),
    "so1":    (0.178, 0.850),
    # cervical paraspinals beside the spine, splenius capitis leaning out
    # from the lower neck to the mastoid
    "pc1":    (0.097, 1.100), "ps2": (0.060, 1.300), "m_c7": (0.0, 1.335),
    # levator scapulae: side of the upper neck down to the superior angle
    "lv1":    (0.216, 1.000), "lvm": (0.186, 1.190), "lv2": (0.272, 1.345),
    "lv_b":   (0.410, 1.432), "lv3": (0.360, 1.300),
    # scapula and shoulder girdle
    "m_ut":   (0.0, 1.505),   "ut0": (0.20, 1.492), "ss_m": (0.430, 1.468), "ut1": (0.650, 1.418),
    "ss_mid": (0.410, 1.625), "sp_root": (0.405, 1.785),
    "sp1s":   (0.580, 1.672), "del_sp": (0.720, 1.585),
    "mt1":    (0.200, 1.862), "m_mt": (0.0, 1.90),
    "mb1":    (0.418, 2.03),  "ia": (0.530, 2.31),
    "rl1":    (0.320, 2.218), "es_top": (0.140, 2.158), "m_rh": (0.0, 2.142),
    "pd1":    (1.030, 2.040), "tr_d": (0.935, 1.920), "dt1": (0.855, 1.790),
    "is1":    (0.700, 2.050), "lt1": (0.665, 2.200),
    # trunk
    "es1":    (0.152, 2.50),  "lt_bot": (0.156, 2.85), "es_mid": (0.160, 2.970),
    "el1":    (0.182, 3.28),  "el_bot": (0.180, 3.575),
    "lt2":    (0.360, 2.56),
    "m_es":   (0.0, 2.97),    "ql_tl": (0.470, 3.075), "ql_bl": (0.485, 3.370),
    "ic1":    (0.590, 3.352), "ic2": (0.310, 3.462),
    "m_sac":  (0.0, 3.56),    "pf_m": (0.166, 3.700), "pf_m2": (0.136, 3.822), "m_cx": (0.0, 3.985),
    "pu1":    (0.480, 3.765), "pl1b": (0.470, 3.885),
    # thigh and leg
    "ad_top": (0.205, 4.305), "gf1": (0.430, 4.295), "gm_lat": (0.685, 4.175),
    "bi1":    (0.675, 4.70),  "bi2": (0.590, 5.30), "bk_l": (0.490, 5.78),
    "ab1":    (0.180, 4.85),
    "bk_c":   (0.330, 5.86),  "bkb": (0.330, 6.27),
    "gm1":    (0.235, 7.09),  "gc": (0.335, 6.99), "gl1": (0.450, 7.00),
    "bat":    (0.360, 7.55),  "bfb": (0.358, 7.762),
    # arm
    "bet":    (1.090, 2.83),  "beb": (1.150, 3.13),
    "bwt":    hand(-0.09, 0.0), "bwb": hand(0.05, 0.0),
}

CHAINS = [
    (["m_bcr", "bc1", "o_bcran"], "h", None),                        # edge of the crown
    (["m_sb", "sb1", "sb2", "o_jaw"], "h", None),                    # base of the skull (superior nuchal line)
    (["m_so", "so_m", "ps1"], "h", None),                            # suboccipitals, lower edge
    (["ps2", "pc1", "ps1", "so1", "sb2"], None, None),               # splenius capitis, inner edge
    (["o_neck1", "lv1", "lvm", "lv2", "lv_b"], None, (1.0, 0.25)),   # levator scapulae, inner edge
    (["o_tr1", "lv3", "lv_b"], (0.36, 1.0), (0.15, 1.0)),            # levator scapulae, outer edge
    (["lvm", "ps2", "m_c7"], None, "h"),                             # trapezius, upper edge in the neck
    (["m_ut", "ut0", "ss_m", "ut1", "o_acr1"], "h", None),           # upper / middle trapezius
    (["ss_m", "ss_mid", "sp_root"], None, None),                     # superior angle of the scapula
    (["sp_root", "sp1s", "del_sp", "o_acr"], None, None),            # spine of the scapula
    (["sp_root", "mt1", "m_mt"], None, "h"),                         # middle trapezius, lower edge
    (["sp_root", "mb1", "ia"], None, None),                          # medial border of the scapula
    (["ia", "rl1", "es_top", "m_rh"], None, "h"),                    # rhomboid major, lower edge
    (["o_dins", "pd1", "tr_d", "dt1", "del_sp"], None, None),        # posterior deltoid edge
    (["dt1", "is1", "ia"], None, None),                              # infraspinatus / teres
    (["o_ap", "tr_d"], None, None),                                  # posterior axillary fold
    (["ia", "lt1", "o_ap"], None, None),                             # latissimus, upper edge
    (["es_top", "es1", "lt_bot", "es_mid", "el1", "el_bot"], None, None),  # erector spinae, lateral edge
    (["ia", "lt2", "lt_bot"], None, None),                           # lower trapezius, lateral edge
    (["m_es", "es_mid", "ql_tl"], "h", None),                        # twelfth rib
    (["ql_tl", "ql_bl"], None, None),                                # quadratus lumborum, lateral edge
    (["o_hip", "ic1", "ql_bl", "ic2", "el_bot"], None, None),        # iliac crest
    (["el_bot", "m_sac"], None, "h"),                                # top of the sacrum
    (["el_bot", "pf_m", "pf_m2", "m_cx"], None, None),               # edge of the sacrum
    (["pf_m", "pu1", "o_gt_u"], None, None),                         # piriformis, upper edge
    (["pf_m2", "pl1b", "o_gt_l"], None, None),                       # piriformis, lower edge
    (["o_gf", "ad_top", "gf1", "gm_lat", "o_itb"], None, None),      # gluteal fold
    (["gm_lat", "bi1", "bi2", "bk_l"], None, None),                  # IT band, back edge
    (["ad_top", "ab1", "o_sart"], None, None),                       # adductor magnus edge
    (["o_kn_tm", "bk_c", "bk_l", "o_kn_t"], None, None),             # above the popliteal fossa
    (["o_kn_bm", "bkb", "o_kn_b"], None, None),                      # below the knee
    # Leaves the inner calf outline across it, not along it, so the soleus
    # below does not pinch to a self-crossing point.
    (["o_gs_m", "gm1", "gc", "gl1", "o_gs"], (1.0, 0.35), None),     # lower edge of gastrocnemius
    (["o_an_tm", "bat", "o_an_t"], None, None),                      # above the ankle
    (["o_an_bm", "bfb", "o_an_b"], None, None),                      # heel
    (["o_el_t", "bet", "o_el_tm"], None, None),                      # above the elbow
    (["o_el_b", "beb", "o_el_bm"], None, None),                      # below the elbow
    (["o_wr_t", "bwt", "o_wr_tm"], None, None),                      # wrist, upper
    (["o_wr_b", "bwb", "o_wr_bm"], None, None),                      # wrist, lower
]

MIDLINE = ["crown", "m_bcr", "m_sb", "m_so", "m_c7", "m_ut", "m_mt", "m_rh", "m_es", "m_sac", "m_cx",
           "crotch"]

REGIONS = [
    ("cranium",                 ["crown", "o_bcran", "bc1", "m_bcr"]),
    ("occiput",                 ["m_bcr", "bc1", "o_bcran", "o_jaw", "sb2", "m_sb"]),
    ("suboccipitals",           ["m_sb", "sb2", "ps1", "m_so"]),
    ("splenius_capitis",        ["sb2", "o_jaw", "o_neck1", "lvm", "ps2"]),
    ("cervical_paraspinals",    ["m_so", "ps1", "ps2", "m_c7"]),
    ("levator_scapulae",        ["o_neck1", "o_tr1", "lv_b", "lvm"]),
    ("upper_trapezius",         ["o_tr1", "o_acr1", "m_ut", "m_c7", "ps2", "lvm", "lv_b"]),
    ("supraspinatus",           ["ss_m", "o_acr1", "o_acr", "sp_root"]),
    ("deltoid",                 ["o_acr", "o_dins", "del_sp"]),
    ("middle_trapezius",        ["m_ut", "ss_m", "sp_root", "m_mt"]),
    ("rhomboid",                ["m_mt", "sp_root", "ia", "es_top", "m_rh"]),
    ("infraspinatus",           ["sp_root", "del_sp", "dt1", "ia"]),
    ("teres",                   ["ia", "dt1", "tr_d", "o_ap"]),
    ("triceps",                 ["o_dins", "o_el_t", "bet", "o_el_tm", "o_ap", "tr_d"]),
    ("elbow",                   ["o_el_t", "o_el", "o_el_b", "beb", "o_el_bm", "o_elm", "o_el_tm", "bet"]),
    ("forearm_extensors",       ["o_el_b", "o_fa1", "o_wr_t", "bwt", "o_wr_tm", "o_fm1", "o_el_bm", "beb"]),
    ("wrist",                   ["o_wr_t", "o_wr_b", "bwb", "o_wr_bm", "o_wr_tm", "bwt"]),
    ("hand",                    ["o_wr_b", "o_tht", "o_wr_bm", "bwb"]),
    ("lower_trapezius",         ["es_top", "ia", "lt_bot"]),
    ("erector_spinae_thoracic", ["m_rh", "es_top", "es_mid", "m_es"]),
    ("latissimus_dorsi",        ["ia", "o_ap", "o_hip", "ql_bl", "ql_tl", "es_mid", "lt_bot"]),
    ("erector_spinae_lumbar",   ["m_es", "es_mid", "el_bot", "m_sac"]),
    ("quadratus_lumborum",      ["es_mid", "ql_tl", "ql_bl", "el_bot"]),
    ("sacrum",                  ["m_sac", "el_bot", "m_cx"]),
    ("gluteus_medius",          ["o_hip", "el_bot", "pf_m", "o_gt_u"]),
    ("piriformis",              ["pf_m", "o_gt_u", "o_gt_l", "pf_m2"]),
    ("gluteus_maximus",         ["pf_m2", "o_gt_l", "o_itb", "gm_lat", "o_gf", "crotch", "m_cx"]),
    ("it_band",                 ["o_itb", "o_kn_t", "bk_l", "gm_lat"]),
    ("hamstrings",              ["ad_top", "gm_lat", "bk_l", "o_kn_tm", "o_sart"]),
    ("adductors",               ["o_gf", "ad_top", "o_sart"]),
    ("knee",                    ["o_kn_tm", "o_kn_bm", "bkb", "o_kn_b", "o_kn", "o_kn_t", "bk_c"]),
    ("gastrocnemius",           ["o_kn_bm", "bkb", "o_kn_b", "o_gs", "gc", "o_gs_m"]),
    ("soleus",                  ["o_gs_m", "gc", "o_gs", "o_an_t", "bat", "o_an_tm"]),
    ("achilles",                ["o_an_tm", "bat", "o_an_t", "o_an_b", "bfb", "o_an_bm"]),
    ("heel",                    ["o_an_bm", "bfb", "o_an_b", "o_hb"]),
]
# fmt: on
