/* declic-validate-consent.c: section 9, the declaration and consent, and the representative. */
#define G_LOG_DOMAIN "declic-validate"

#include "config.h"

#include "declic-i18n.h"
#include "declic-validate-private.h"

void
declic_validate_consent (Checker     *c,
                         json_object *root)
{
  Scope s = { member (root, "consent"), "consent", "consent", "consent", DECLIC_SECTION_CONSENT };

  if (get_answer (s.obj, "information_true") != ANSWER_YES)
    declic_validate_report (c, &s, "information_true", "required", DECLIC_SEVERITY_ERROR,
                            _("Declare that the information is true and complete: without this declaration the DI cannot be filed."));
  if (get_answer (s.obj, "personal_information") != ANSWER_YES)
    declic_validate_report (c, &s, "personal_information", "required", DECLIC_SEVERITY_ERROR,
                            _("Consent to the processing of personal information: without it the DI cannot be filed."));
}

void
declic_validate_representative (Checker     *c,
                                json_object *root)
{
  Scope s = { member (root, "representative"), "representative", "representative", "representative",
              DECLIC_SECTION_REPRESENTATIVE };
  GDate date;

  declic_validate_require_text (c, &s, "name");
  declic_validate_require_text (c, &s, "category");
  declic_validate_require_text (c, &s, "registry_number");
  declic_validate_check_date (c, &s, "mandate_date", DATE_REQUIRED | DATE_NOT_FUTURE, &date);
}
