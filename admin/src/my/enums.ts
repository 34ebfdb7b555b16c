// The schema's enums the professional's pages show (translated as app.my.level.*, …).
export const LEVELS = ['NONE', 'JUNIOR', 'ASSISTANT', 'INTERMEDIATE', 'DEPUTY_SENIOR', 'SENIOR'] as const;
export const SERIES = ['ENGINEERING', 'HEALTH', 'SCHOOL_TEACHING', 'HIGHER_EDUCATION', 'ACCOUNTING', 'ECONOMICS', 'AGRICULTURE', 'STATISTICS', 'AUDITING', 'LAW', 'JOURNALISM', 'ARTS', 'SOCIAL_WORK', 'OTHER'] as const;
export const ROUTES = ['NORMAL_REVIEW', 'EXAM_INSTEAD_OF_REVIEW', 'ASSESSMENT_RECOGNITION', 'DIRECT_APPLICATION'] as const;
