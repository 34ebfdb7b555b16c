// GraphQL types of the title-review integrity record (职称评审诚信档案).
import { Field, GraphQLISODateTime, ID, ObjectType } from 'type-graphql';

@ObjectType('IntegrityRecord', { description: '职称评审诚信档案记录：记录期内不得申报职称（政策未规定记录期限的地区只记录、不限制申报）' })
export class IntegrityRecordView {
  @Field(() => ID) id: string;
  @Field(() => ID) professionalId: string;
  @Field(() => ID, { nullable: true, description: '据以记入的学时申报' }) declarationId: string | null;
  @Field({ description: '记录期起（YYYY-MM-DD，认定之日）' }) from: string;
  @Field(() => String, { nullable: true, description: '记录期止（含）；政策未规定记录期限时为空（不限制申报）' }) until: string | null;
  @Field({ description: '记入原因' }) reason: string;
  @Field(() => GraphQLISODateTime) recordedAt: Date;
}
