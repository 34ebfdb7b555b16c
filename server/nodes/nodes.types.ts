import { Field, ID, InterfaceType } from 'type-graphql';

/**
 * Anything a client can fetch again by its id alone (Relay's global object
 * identification). Ids are the records' UUIDs, unique across every table.
 */
@InterfaceType('Node', {
  description: '可按 ID 重新获取的对象（机构、专业技术人员、账号、第三方客户端）',
  // services build every node with its type's class (the repositories' toX
  // mappers), so the class names the GraphQL type
  resolveType: (value: object) => value.constructor as new () => Node,
})
export abstract class Node {
  @Field(() => ID) id: string;
}
